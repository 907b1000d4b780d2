package cn.wenming.honors.domain;

import java.util.List;

/** 北京's sixteen districts, in the order the city lists them. A recipient's district is one of them. */
public final class District {

    public static final List<String> ALL = List.of(
            "东城区", "西城区", "朝阳区", "丰台区", "石景山区", "海淀区", "门头沟区", "房山区",
            "通州区", "顺义区", "昌平区", "大兴区", "怀柔区", "平谷区", "密云区", "延庆区");

    /** What a client is told when a district is not one of them. */
    public static final String RULE = "必须是北京市十六个区之一 (must be one of Beijing's sixteen districts): " + String.join("、", ALL);

    private District() {
    }

    public static boolean isValid(String name) {
        return name != null && ALL.contains(name.strip());
    }
}
