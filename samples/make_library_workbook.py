"""Writes samples/library/register.xlsx, a control register kept in a spreadsheet (run once;
the output is committed).

It exercises what a library workbook may hold: a controls sheet whose framework columns are
headed by names ("ISO/IEC 27001", "SOC 2 TSC") and hold several ids with relationships in one
cell, an evidence sheet with real date cells (not text), and a notes sheet that is not a
library table and is passed over. Everything in it is fictitious (Larkspur Analytics).
Requires xlsxwriter (installed by `make test` into .venv).
"""
import datetime
import pathlib

import xlsxwriter

HERE = pathlib.Path(__file__).parent

CONTROLS = [
    ("LA-10", "Quarterly restore drill for the analytics warehouse",
     "Each quarter the data platform team restores the previous night's warehouse snapshot into an "
     "isolated account and checks row counts against production.",
     "Business continuity", "restore test; backup drill; recovery test",
     "A.8.13 (subset)\nA.5.30", "A1.3 (subset)", "", "RC.RP-03"),
    ("LA-11", "Customer audit-log export",
     "Workspace admins can export the full audit log of their workspace as CSV or send it to their "
     "SIEM; entries are kept for 13 months.",
     "Logging and monitoring", "audit log; siem export; activity log",
     "A.8.15 (subset)", "CC7.2, CC4.1", "Art. 30", "DE.CM-03"),
]

EVIDENCE = [
    ("EV-901", "Q3 2026 warehouse restore drill record", "report", "LA-10; BCM-03",
     datetime.date(2026, 9, 18), datetime.date(2026, 12, 31), "pass"),
    ("EV-902", "Audit-log export feature test run", "automated-test", "LA-11",
     datetime.date(2026, 11, 2), datetime.date(2027, 2, 2), "pass"),
    ("EV-903", "Q2 2026 warehouse restore drill record", "report", "LA-10",
     datetime.date(2026, 6, 20), datetime.date(2026, 9, 30), "pass"),
]


def main() -> None:
    path = HERE / "library" / "register.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    workbook.set_properties({"created": datetime.datetime(2026, 11, 1)})
    header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7"})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    date = workbook.add_format({"num_format": "dd/mm/yyyy"})

    notes = workbook.add_worksheet("Read me")
    notes.write(0, 0, "Larkspur Analytics control register (fictitious sample for Quire)")
    notes.write(1, 0, "Sheets: Controls, Evidence.")

    controls = workbook.add_worksheet("Controls")
    columns = ["Control ID", "Title", "Description", "Domain", "Keywords",
               "ISO/IEC 27001", "SOC 2 TSC", "GDPR", "NIST CSF 2.0"]
    controls.write_row(0, 0, columns, header)
    for row, values in enumerate(CONTROLS, start=1):
        controls.write_row(row, 0, values, wrap)
    controls.set_column(0, 0, 12)
    controls.set_column(1, 2, 40)
    controls.freeze_panes(1, 0)

    evidence = workbook.add_worksheet("Evidence")
    evidence.write_row(0, 0, ["ID", "Title", "Kind", "Controls", "Collected on", "Valid until", "Result"], header)
    for row, (ident, title, kind, linked, collected, valid, result) in enumerate(EVIDENCE, start=1):
        evidence.write_row(row, 0, [ident, title, kind, linked])
        evidence.write_datetime(row, 4, datetime.datetime.combine(collected, datetime.time()), date)
        evidence.write_datetime(row, 5, datetime.datetime.combine(valid, datetime.time()), date)
        evidence.write(row, 6, result)
    evidence.data_validation(1, 2, 100, 2, {"validate": "list", "source": ["policy", "report", "automated-test"]})
    workbook.close()


if __name__ == "__main__":
    main()
