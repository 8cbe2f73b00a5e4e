package org.segplan.cli;
public final class SegplanCli { public static void main(String[] args) {} }
