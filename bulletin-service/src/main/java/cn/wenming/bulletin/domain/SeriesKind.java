package cn.wenming.bulletin.domain;

/** A regular series, or a supplement (增刊) with numbers of its own. */
public enum SeriesKind {
    REGULAR,
    SUPPLEMENT
}
