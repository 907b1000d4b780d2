package cn.wenming.honors.rest;

/**
 * The Chinese examples of the OpenAPI document, from the seed bulletin (2020年第17期): the 第七届
 * 首都道德模范 and the two decision documents announced on 2020-04-17. Names of people are made up.
 */
final class Examples {

    private Examples() {
    }

    static final String IF_MATCH = "The ETag as last read; a stale one is a 412";
    static final String IDEMPOTENCY = "Any unique string: a retry with the same key and body returns the first answer and does nothing again";

    static final String DOCUMENT_REF = """
            {"id":"9c4e2a71-5b8d-4f36-a0e1-7d2c6b9f8a13","title":"关于表彰第七届首都道德模范的决定",\
            "number":"京文明委〔2020〕3号","issuedOn":"2020-04-17"}""";

    static final String RECIPIENT = """
            {"kind":"PERSON","name":"张秀英","gender":"FEMALE","workUnit":"朝阳区和平街街道樱花园社区居委会"}""";

    static final String CITATION = "十余年如一日照料社区孤寡老人，组建“樱花志愿服务队”，带动两百余名居民参与邻里互助。";

    static final String HONOR_INPUT = """
            {"programId":"5d7c2a9e-1b3f-4c6d-8e0a-2f4b6c8d0e12","session":7,"year":2020,"category":"助人为乐","level":"AWARD",\
            "recipient":""" + RECIPIENT + """
            ,"district":"朝阳区","citation":\"""" + CITATION + """
            ","nominatedBy":"朝阳区文明办","contact":"010-65000000"}""";

    static final String UNIT_INPUT = """
            {"programId":"8a1e4f20-6c3b-4d59-b7e2-0c9d8f7a6b54","year":2020,\
            "recipient":{"kind":"UNIT","name":"北京市公共交通控股（集团）有限公司第一客运分公司"},"district":"西城区",\
            "citation":"坚持“车厢就是窗口”，常态化开展文明乘车引导，连续三年测评位列全市前列。","nominatedBy":"西城区文明办"}""";

    static final String HONOR = """
            {"id":"2b7d9e14-3c5a-4f81-9d6e-0a1b2c3d4e5f","programId":"5d7c2a9e-1b3f-4c6d-8e0a-2f4b6c8d0e12",\
            "programName":"首都道德模范","session":7,"year":2020,"category":"助人为乐","level":"AWARD","recipient":""" + RECIPIENT + """
            ,"district":"朝阳区","citation":\"""" + CITATION + """
            ","nominatedBy":"朝阳区文明办","contact":"010-65000000","status":"CONFERRED",\
            "publicityStart":"2020-03-20","publicityEnd":"2020-03-26","decisionDocument":""" + DOCUMENT_REF + """
            ,"conferredOn":"2020-04-17","expiresOn":null,"expired":false,"lastReviewedOn":null,"withdrawalReason":null,\
            "revocationReason":null,"openObjections":0,"createdBy":"梅雪峰","createdAt":"2020-03-10T09:30:00+08:00",\
            "updatedAt":"2020-04-17T10:00:00+08:00","version":3}""";

    static final String ROLL_ENTRY = """
            {"id":"2b7d9e14-3c5a-4f81-9d6e-0a1b2c3d4e5f","programId":"5d7c2a9e-1b3f-4c6d-8e0a-2f4b6c8d0e12",\
            "programName":"首都道德模范","session":7,"year":2020,"category":"助人为乐","level":"AWARD","recipient":""" + RECIPIENT + """
            ,"district":"朝阳区","citation":\"""" + CITATION + """
            ","conferredOn":"2020-04-17","expiresOn":null,"decisionDocument":""" + DOCUMENT_REF + "}";

    static final String DOCUMENT = """
            {"id":"9c4e2a71-5b8d-4f36-a0e1-7d2c6b9f8a13","title":"关于表彰第七届首都道德模范的决定","number":"京文明委〔2020〕3号",\
            "issuedOn":"2020-04-17","issuer":"首都精神文明建设委员会","programId":"5d7c2a9e-1b3f-4c6d-8e0a-2f4b6c8d0e12",\
            "programName":"首都道德模范","honors":{"CONFERRED":58},"createdBy":"梅雪峰",\
            "createdAt":"2020-04-17T09:00:00+08:00","updatedAt":"2020-04-17T10:00:00+08:00","version":2}""";

    static final String DOCUMENT_INPUT = """
            {"title":"关于表彰第七届首都道德模范的决定","number":"京文明委〔2020〕3号","issuedOn":"2020-04-17",\
            "issuer":"首都精神文明建设委员会","programId":"5d7c2a9e-1b3f-4c6d-8e0a-2f4b6c8d0e12"}""";

    static final String BACK_STREET_DOCUMENT_INPUT = """
            {"title":"关于命名背街小巷环境整治提升和深化文明创建先进典型的通报","issuedOn":"2020-04-17",\
            "issuer":"首都精神文明建设委员会"}""";

    static final String OBJECTION = """
            {"id":"6e1f0a2b-8c3d-4e5f-9a0b-1c2d3e4f5a6b","honorId":"2b7d9e14-3c5a-4f81-9d6e-0a1b2c3d4e5f",\
            "receivedOn":"2020-03-23","objector":null,"anonymous":true,"objectorContact":null,\
            "content":"反映被提名人所述志愿服务时长与实际不符","resolution":"DISMISSED",\
            "resolutionNote":"经核实，服务时长有街道志愿服务记录为证，异议不成立","resolvedBy":"田文松",\
            "resolvedAt":"2020-03-30T15:00:00+08:00","recordedBy":"梅雪峰","createdAt":"2020-03-23T10:12:00+08:00"}""";

    static final String WINDOW = "{\"startDate\":\"2020-03-20\",\"endDate\":\"2020-03-26\"}";
}
