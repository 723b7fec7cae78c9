# Names vulture reports as unused that are used: each line says why. Read by tests/test_dead_code.py.
# ruff: noqa
from khth.schema import model
from khth.validator import engine, registry
from khth.validator.reports import github, json_report, junit, sarif, text
from khth import api
from khth.cli import report as report_command

_ = None

# Module __getattr__: Python calls it for a missing attribute (lazy imports of the API and the model).
__getattr__
# pydantic reads model fields, model_config and validators by name; the benchmarks' generator calls to_json_data.
model.KhthModel.model_config
model.KhthModel.to_json_data
_.start_line, _.end_line, _.scheme, _.acting_body, _.superior_body, _.relation, _.refers_to, _.expansion
_.deadline, _.frequency, _.frequencies, _.printed_label, _.authority, _.cited_by, _.khth_version, _.documents
_.periods, _.bound, _.due_days, _.day_of_month, _.month_of_quarter, _.weekday, _.amount, _.after
# Report renderers are found by name from the FORMATS table (reports/__init__.py).
github.render_github, json_report.render_json, junit.render_junit, sarif.render_sarif, text.render_text
# The Python API: used by its callers, not by the package itself.
api.Record.documents
engine.RunResult.failed
# The registry's query that the catalogue-binding test asks of every check.
registry.owned_by
# click passes (ctx, param, value) to an option callback.
_.param
# python-docx: setting these properties writes the document's formatting.
_.alignment, _.space_before, _.space_after, _.first_line_indent, _.left_indent, _.right_indent, _.line_spacing
_.autofit, _.page_height, _.page_width, _.top_margin, _.bottom_margin, _.left_margin, _.right_margin
_.author, _.comments
# openpyxl reads a worksheet's freeze_panes when it saves the workbook (plan-report's xlsx output).
_.freeze_panes
# click registers plan-report's subcommands by their decorators, and the command line calls them.
report_command.tree, report_command.coverage, report_command.deadlines, report_command.publish, report_command.template
report_command.index_command
# Records a program holds, indexed without files: the report benchmark's corpus of a million records uses it.
from khth.report import index as report_index
report_index.file_of_documents
