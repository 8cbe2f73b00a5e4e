package org.segplan.allocate.model;

/** Whether a zone x segment may be split across centers (an LP) or must be served by one (a MIP). */
public enum Sourcing {
    SPLIT,
    SINGLE
}
