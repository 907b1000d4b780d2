package cn.wenming.suite.architecture.sample.domain;

import cn.wenming.suite.architecture.sample.render.SampleLayout;
import cn.wenming.suite.architecture.sample.service.SampleService;

/** Breaks the domain rule on purpose twice: it uses a service and a layout (LayersTest proves the rule catches both). */
public class SampleEntity {

    public String name;

    public String shown(SampleService service) {
        return SampleLayout.html(name);
    }

    /** A nested class's dependencies count as its outer class's. */
    public static class Part {
        SampleService service;
    }
}
