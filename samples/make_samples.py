"""Writes the bundled sample questionnaires (run once; the outputs are committed).

samples/questionnaire.xlsx  a customer-style security questionnaire: a merged title, an
                            instructions block, a header row that is not row 1, sections,
                            an answer column with a drop-down fed from a hidden sheet, a
                            comments column, a date and a formula.
samples/questionnaire.csv   the same questions as a CSV export (quoted commas and newlines).

The questions are written for Quire; they are not copied from any published questionnaire.
Requires xlsxwriter (installed by `make test` into .venv).
"""
import csv
import datetime
import pathlib

import xlsxwriter

HERE = pathlib.Path(__file__).parent

SECTIONS = [
    ("Access control", "IAM", [
        "Do you enforce multi-factor authentication for all workforce access to production systems?",
        "Are user access rights reviewed at least quarterly, and are the reviews documented?",
        "Is access revoked within one business day when an employee leaves, changes role, or a contractor's engagement ends?",
        "Do you use role-based access control, with privileged roles approved by a second person?",
    ]),
    ("Cryptography", "CRY", [
        "Is customer data encrypted at rest using AES-256 or an equivalent algorithm?",
        "Is all data in transit over public networks protected with TLS 1.2 or later?",
        "Are encryption keys rotated at least annually and stored in a hardware-backed key management service?",
    ]),
    ("Operations", "OPS", [
        "Do you perform vulnerability scans of external-facing systems at least monthly?",
        "Are critical vulnerabilities remediated within 15 days, \"high\" within 30 days?",
        "Do you keep audit logs for at least 12 months, protected from tampering?",
        "Is there a documented, tested backup and restore procedure?",
    ]),
    ("Governance", "GOV", [
        "Do you hold a current SOC 2 Type II report or ISO/IEC 27001 certificate?",
        "Is there an information security policy approved by management and reviewed annually?",
        "Do all employees complete security awareness training at onboarding and yearly thereafter?",
    ]),
]


def rows():
    for section, prefix, questions in SECTIONS:
        yield ("section", section)
        for number, question in enumerate(questions, start=1):
            yield ("question", f"{prefix}-{number:02d}", question)


def write_xlsx(path):
    workbook = xlsxwriter.Workbook(str(path))
    workbook.set_properties({"title": "Vendor Security Questionnaire", "author": "Quire samples",
                             "created": datetime.datetime(2026, 1, 5)})
    title = workbook.add_format({"bold": True, "font_size": 14, "align": "center"})
    header = workbook.add_format({"bold": True, "bg_color": "#1F4E78", "font_color": "#FFFFFF", "border": 1})
    section_format = workbook.add_format({"bold": True, "bg_color": "#DDEBF7"})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    answer = workbook.add_format({"bg_color": "#FFF2CC", "border": 1, "locked": False})
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})

    sheet = workbook.add_worksheet("Questions")
    lists = workbook.add_worksheet("Lists")
    lists.write_column("A1", ["Yes", "No", "N/A", "Partially"])
    workbook.define_name("AnswerChoices", "=Lists!$A$1:$A$4")
    lists.hide()

    sheet.merge_range("A1:D1", "Vendor Security Questionnaire", title)
    sheet.write("A2", "Vendor name:")
    sheet.write("B2", "")
    sheet.write("A3", "Completed on:")
    sheet.write_datetime("B3", datetime.datetime(2026, 1, 5), date_format)
    sheet.merge_range("A4:D4", "Answer every question with Yes, No, N/A or Partially, and explain in Comments.", wrap)
    sheet.write_row("A6", ["ID", "Question", "Answer", "Comments"], header)
    sheet.set_column("A:A", 10)
    sheet.set_column("B:B", 70)
    sheet.set_column("C:C", 14)
    sheet.set_column("D:D", 50)
    sheet.freeze_panes(6, 0)

    row = 6
    first_answer = None
    for item in rows():
        if item[0] == "section":
            sheet.merge_range(row, 0, row, 3, item[1], section_format)
        else:
            sheet.write(row, 0, item[1])
            sheet.write(row, 1, item[2], wrap)
            sheet.write_blank(row, 2, None, answer)
            sheet.write_blank(row, 3, None, answer)
            first_answer = first_answer if first_answer is not None else row
        row += 1
    sheet.data_validation(first_answer, 2, row - 1, 2, {"validate": "list", "source": "=AnswerChoices"})
    sheet.write(row + 1, 0, "Answered:")
    sheet.write_formula(row + 1, 1, f'=COUNTA(C{first_answer + 1}:C{row})', None, 0)
    workbook.close()


def write_csv(path):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ID", "Section", "Question", "Answer", "Comments"])
        section = ""
        for item in rows():
            if item[0] == "section":
                section = item[1]
            else:
                writer.writerow([item[1], section, item[2], "", ""])
        writer.writerow(["NOTE", "", "Free text, with a comma,\nand a second line", "", ""])


if __name__ == "__main__":
    write_xlsx(HERE / "questionnaire.xlsx")
    write_csv(HERE / "questionnaire.csv")
