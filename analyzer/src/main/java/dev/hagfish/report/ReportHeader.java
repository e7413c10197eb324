package dev.hagfish.report;

/**
 * What a report is about.
 *
 * @param kernel the kernel
 * @param selection which types: {@code all}, or the name glob given
 * @param options what it shows
 * @param count how many structs, unions and classes it holds
 */
public record ReportHeader(KernelIdentity kernel, String selection, ReportOptions options, int count) {}
