package cn.wenming.suite.architecture.sample.domain;

/** Keeps to the rules: the sample's one domain class that LayersTest must not report. */
public record SampleValue(String name) {
}
