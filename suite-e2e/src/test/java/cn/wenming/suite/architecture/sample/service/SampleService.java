package cn.wenming.suite.architecture.sample.service;

import cn.wenming.suite.architecture.sample.rest.SampleInput;

/** Breaks the rule on purpose: a service that takes a rest record (LayersTest proves the rule catches it). */
public class SampleService {

    public String create(SampleInput input) {
        return input.name();
    }
}
