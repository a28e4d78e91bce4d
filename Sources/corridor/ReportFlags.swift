import ArgumentParser
import PlanReports

/// Where a report goes and in which format: the options every command that writes a
/// report shares (`solve`, `diff`, `contingency`, `value`), declared once.
struct ReportFlags: ParsableArguments {
  @Option(help: "Report format: table, markdown, json, csv or html (one self-contained page with a map and charts; docs/html-report.md).")
  var format: ReportFormat = .table

  @Option(help: ArgumentHelp(
    "Write the report to this file instead of stdout, only once complete. A symbolic link's target is written; a FIFO or device is written directly; an input file is refused.",
    valueName: "path"))
  var output: String?
}
