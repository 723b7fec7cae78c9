"""Reports over a corpus of records: who has answered a directive, what falls due.

- :mod:`.corpus` reads the records through the validator's own loader (files checked, records
  summarised, a record held in both JSON and XML kept once) and keeps what the views need;
- :mod:`.tree` resolves a root and the implementation tree under it, with each plan's lag;
- :mod:`.responders` and :mod:`.units` say who is expected to answer; :mod:`.coverage` who has;
- :mod:`.deadlines` lists every dated deadline and reporting duty;
- :mod:`.outputs` renders each view as a text table, JSON or CSV.
"""
