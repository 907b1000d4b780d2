package cn.wenming.suite.architecture.sample.render;

/** A presentation class, for LayersTest's sample service. */
public class SampleLayout {

    public static String html(String text) {
        return "<p>" + text + "</p>";
    }
}
