"""Reports over a corpus of records: who has answered a directive, what falls due.

- :mod:`.corpus` reads the records through the validator's own loader (files checked, records
  summarised, a record held in both JSON and XML kept once) and keeps what the views need;
- :mod:`.tree` resolves a root and the implementation tree under it, with each plan's lag;
- :mod:`.responders` and :mod:`.units` say who is expected to answer; :mod:`.coverage` who has;
- :mod:`.deadlines` lists every dated deadline and reporting duty;
- :mod:`.outputs` renders each view as a text table, JSON, CSV or (:mod:`.xlsx`) a workbook;
  :mod:`.html` writes the whole report as static pages;
- :mod:`.index` keeps a corpus in SQLite, updated by file hash, that every view reads as it reads files;
- :mod:`.views` joins them for the command and the Python API.
"""
