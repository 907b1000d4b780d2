package cn.wenming.task.rest;

/** The OpenAPI examples of task-service, taken from the seed's 2020 plan (the bulletin of 2020-04-24). */
final class Examples {

    static final String IF_MATCH = "The ETag as last read; a stale one is a 412";

    static final String PLAN = """
            {"id":"7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f","year":2020,"title":"2020年首都精神文明建设工作",\
            "summary":"聚焦四个方面 23项重点任务","status":"ACTIVE","activatedOn":"2020-04-24","closedOn":null,\
            "createdAt":"2020-04-24T09:30:00+08:00","updatedAt":"2020-04-24T09:30:00+08:00","version":1}""";

    static final String PLAN_DRAFT = """
            {"id":"7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f","year":2020,"title":"2020年首都精神文明建设工作",\
            "summary":"聚焦四个方面 23项重点任务","status":"DRAFT","activatedOn":null,"closedOn":null,\
            "createdAt":"2020-04-24T09:30:00+08:00","updatedAt":"2020-04-24T09:30:00+08:00","version":0}""";

    static final String PLAN_INPUT = """
            {"year":2020,"title":"2020年首都精神文明建设工作","summary":"聚焦四个方面 23项重点任务"}""";

    static final String AREA = """
            {"id":"2b7c1d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e","planId":"7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f","seq":1,"ordinal":"第一",\
            "title":"深入推进新时代公民道德建设工程","description":"围绕培育和践行社会主义核心价值观,以道德典型选树学习宣传为重点,\
            不断完善选树机制,进一步推动形成崇德向善、见贤思齐的浓厚社会氛围。","version":0}""";

    static final String AREA_INPUT = """
            {"title":"深入推进新时代公民道德建设工程","description":"围绕培育和践行社会主义核心价值观,以道德典型选树学习宣传为重点,\
            不断完善选树机制,进一步推动形成崇德向善、见贤思齐的浓厚社会氛围。"}""";

    static final String TASK = """
            {"id":"9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a","planId":"7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f","year":2020,\
            "areaId":"2b7c1d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e","areaOrdinal":"第一","number":1,"title":"依托“北京榜样”传播道德力量",\
            "description":"做好“北京榜样”年度人物评选和宣传","leadUnit":"市文明办宣教处","coUnits":["市委宣传部","各区文明办"],\
            "dueDate":"2020-12-31","status":"IN_PROGRESS","statusReason":null,"percent":60,"lastReportDate":"2020-06-30",\
            "overdue":false,"createdAt":"2020-04-24T09:30:00+08:00","updatedAt":"2020-06-30T17:05:00+08:00","version":3}""";

    static final String TASK_INPUT = """
            {"areaId":"2b7c1d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e","title":"依托“北京榜样”传播道德力量",\
            "description":"做好“北京榜样”年度人物评选和宣传","leadUnit":"市文明办宣教处","coUnits":["市委宣传部","各区文明办"],\
            "dueDate":"2020-12-31"}""";

    static final String REPORT = """
            {"id":"4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8","taskId":"9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a","taskNumber":1,\
            "date":"2020-06-30","unit":"市文明办宣教处","percent":60,"text":"已发布“北京榜样”月度人物 30 名，年度人物评选进入公示阶段",\
            "reason":null,"reportedBy":"张明","createdAt":"2020-06-30T17:05:00+08:00"}""";

    static final String REPORT_INPUT = """
            {"date":"2020-06-30","unit":"市文明办宣教处","percent":60,"text":"已发布“北京榜样”月度人物 30 名，年度人物评选进入公示阶段"}""";

    static final String FIGURES = """
            {"taskCount":23,"completed":5,"inProgress":12,"notStarted":5,"suspended":1,"overdue":2,"averagePercent":56.4}""";

    private Examples() {
    }
}
