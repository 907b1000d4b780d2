package cn.wenming.suite.architecture.sample.rest;

/** A request record of the HTTP layer, for {@code LayersTest}'s proof that the rules catch a wrong arrow. */
public record SampleInput(String name) {
}
