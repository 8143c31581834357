#!/usr/bin/env python3
"""Eighth held-out set of synthetic questionnaires for `bench/layout_bench.py`: questionnaires in
other languages, and bilingual ones.

Written on 2026-12-07 by a helper that did not see the detector's code, its tests, its
documentation or the bench's README. It saw only: all of bench/heldout_layouts7.py (the model for
this file); the docstrings, style and checking helpers and self-check machinery of
bench/heldout_layouts.py, bench/heldout_layouts4.py, bench/heldout_layouts5.py and
bench/heldout_layouts6.py (whose helpers this file imports), with three of their builders read to
keep clear of them (the first set's two mark-column layouts and the fifth set's German
questionnaire; printing the sixth set's FOREIGN_HEADINGS extension also showed the last lines of its
Arabic question list, which nothing here uses); the types and small helpers at the top of Tests/oracle/questionnaire_layouts.py, up
to its first builder; the module docstring of bench/layout_bench.py; and a listing of the top-level
names of these files. Nothing is copied from a real or published template: every sheet, heading,
question and answer list was written for this set. Real customers in Europe and Latin America send
their questionnaires in their own language; the eight files cover that:

- german_supplier_self_assessment: a German "Lieferantenselbstauskunft": a "Deckblatt" cover with
  supplier fields, then the "Selbstauskunft" sheet ("Lfd. Nr." running 1..16 across four chapters
  given as heading rows, "Prüffrage", "Antwort", then "Nachweis" BEFORE "Erläuterung"), a legend
  line above the header, and the "Ja / Nein / Teilweise / Nicht zutreffend" drop-down taking its
  values from "Auswahlwerte", a HIDDEN helper sheet (state "hidden");
- french_supplier_questionnaire: a French "Questionnaire sécurité fournisseur" without drop-downs:
  the choices are written in the answer header, "Réponse (Oui/Non/N.A.)"; a "Thème" column on every
  row; French typography, a no-break space (U+00A0) before each "?" as Word and Excel type it in
  French; some rows are obligations ("Le prestataire doit …") rather than questions; a legend line
  and a supplier block above the header on row 8;
- spanish_grouped_header: a Latin American (Colombian bank) "Evaluación de Seguridad de la
  Información – Proveedores Críticos" with a two-row header: a group row ("Requisitos del banco"
  merged over Nº/Pregunta/Criticidad, "Respuesta del proveedor" merged over Cumple/Observaciones/
  Evidencia) above the row of headings; the bank's pre-filled "Criticidad" column (Alta/Media/Baja)
  stands between the question and the answer; questions open with "¿"; "Cumple" drop-down "Sí",
  "No", "Parcialmente", "No aplica";
- dutch_bio_two_explanations: a Dutch municipality's BIO questionnaire with TWO "Toelichting"
  columns: the municipality's "Toelichting bij de vraag" (left of the answer, filled on some rows)
  and the supplier's "Toelichting leverancier" (right of the answer), plus "Bewijs"; a
  "BIO-maatregel" reference column; sections nested two deep (BIO chapter rows and paragraph rows);
  an "Instructie" sheet first;
- portuguese_lgpd_csv: a Brazilian LGPD questionnaire as a CSV saved by a pt-BR Excel ("CSV
  (separado por vírgulas)"): semicolon-separated, Windows-1252 (no BOM), CRLF line ends, header
  "Nº;Pergunta;Resposta (Sim/Não/Não se aplica);Observações", title and instruction records, section
  records ("Seção 1 – …"), fields holding the delimiter quoted;
- italian_input_messages: an Italian "Questionario di valutazione della sicurezza" whose table starts
  in column B (column A is an empty margin), with "N.", "Domanda", "Risposta", "Evidenza", "Note";
  the "Sì / No / Parzialmente / Non applicabile" drop-down carries an Italian INPUT MESSAGE (the
  yellow tip Excel shows when the cell is selected) and an error alert; the "Indicare …" rows are
  free text without a drop-down;
- bilingual_de_en_columns: a German/English questionnaire with every question in both languages in
  two columns, "Frage (DE)" and "Question (EN)", one "Antwort / Answer" column whose drop-down is in
  German ("Ja", "Nein", "Teilweise", "Entfällt"), a "Kommentar / Comment" column, bilingual
  section rows and one free-text question;
- maturity_fr_en_two_header_rows: a French/English maturity self-assessment with a header in two
  rows, French above ("Réf.", "Exigence", "Niveau cible", "Niveau de maturité", "Commentaires",
  "Preuves") and English below in italics ("Ref.", "Requirement", "Target level", "Maturity level",
  "Comments", "Evidence"), a bilingual legend of the levels 0–5 above it, requirement cells holding
  the French text and the English text on two lines of one cell, the customer's pre-filled
  "Niveau cible / Target level" beside the "Niveau de maturité / Maturity level" drop-down
  (0, 1, 2, 3, 4, 5), and bilingual section rows.

Expectations follow the conventions stated in bench/heldout_layouts.py, bench/heldout_layouts4.py,
bench/heldout_layouts5.py, bench/heldout_layouts6.py and bench/heldout_layouts7.py:

- an item is a row holding a question (or a requirement to respond to) whose answer goes in a
  cell; titles, cover sheets, supplier-detail fields, instructions, legends, section rows, repeated
  headers and totals are not items;
- ids are the questionnaire's own, as displayed (a number 3 is "3");
- answer, comment and evidence cells are absolute references on the item's row; allowed answers
  are the drop-down's values in order, exactly as written (source "validation"), or the choices
  written in the answer column's header parentheses (source "header"); free text has [] and
  source None;
- `question` is the cell's text with whitespace collapsed (`collapse`: line breaks and no-break
  spaces become single spaces);
- `section` is the path of plain section heading rows (or, in a CSV, section records), outermost
  first, [] where the sheet has none, and ANY where the grouping is a column;
- `guidance` is the guidance column's text where the sheet has one (None on a row whose guidance
  cell is empty), None where it has none.

Conventions this set had to decide (each layout's `note` repeats its own):

- headings in another language keep their roles: "Lfd. Nr."/"N°"/"Nº"/"Nr."/"N." are the id,
  "Prüffrage"/"Question"/"Pregunta"/"Vraag"/"Pergunta"/"Domanda" the question, "Antwort"/"Réponse"/
  "Cumple"/"Antwoord"/"Resposta"/"Risposta" the answer, "Erläuterung"/"Commentaire"/"Observaciones"/
  "Toelichting leverancier"/"Observações"/"Note" the comment, "Nachweis"/"Justificatif"/
  "Evidencia"/"Bewijs"/"Evidenza" the evidence; drop-down and header choices are taken exactly as
  written, accents and abbreviations included ("Sì", "N.v.t.", "N.A.", "Não se aplica"), never
  translated or normalised ("N.A." is not "N/A");
- a cover sheet and a hidden helper sheet holding the drop-down values are ignored sheets; the
  hidden sheet's values still give the allowed answers (source "validation"); an evidence column
  placed before the comment column is still the evidence column;
- a question typed with a no-break space before "?" (French typography) is given collapsed, with
  an ordinary space ("… direction générale ?"); an obligation worded as a statement ("Le
  prestataire doit …", "El proveedor debe …") is an item like a question;
- in a two-row header whose upper row only groups columns (merged "Respuesta del proveedor"), the
  header row is the LOWER row, the one holding each column's own heading; a requester's pre-filled
  column ("Criticidad", "BIO-maatregel", "Niveau cible / Target level") has no role and is never the
  answer, even when it holds numbers on the answer's scale;
- of two "Toelichting" columns, the requester's "Toelichting bij de vraag" (filled by the
  municipality, left of the answer) is the guidance column and the supplier's "Toelichting
  leverancier" is the comment column; a row whose guidance cell is empty has guidance None;
- a drop-down's input message and error alert are Excel's help for the cell, not guidance: the
  sheet has no guidance column, so guidance is None on every row;
- bilingual DE/EN columns: the expected `question` is the ENGLISH text ("Question (EN)" is the
  question column); the German column "Frage (DE)" is a parallel translation and has NO role (it is
  not guidance: it says the same thing, it does not help answer it); the answer's allowed answers
  are the German drop-down values as written; bilingual section rows are sections as written;
- a bilingual header written in two rows (French above, English below) has its header row on the
  LOWER (English) row, next to the table; a requirement cell holding the French text and, on a
  second line, the English text is ONE item whose question is the whole cell, both languages,
  collapsed; the maturity drop-down's values are the texts "0" … "5" as the list holds them;
- a CSV in Windows-1252 is read as such and its texts are given in Unicode ("Não"); its header
  choices "(Sim/Não/Não se aplica)" are the allowed answers, source "header".

Run `python bench/heldout_layouts8.py` to write every file into a temporary folder and check, with
openpyxl and the csv module alone (the checks of bench/heldout_layouts.py, bench/heldout_layouts4.py,
bench/heldout_layouts5.py and bench/heldout_layouts6.py, imported, plus one check per layout of the
feature it exercises), that the expectations describe the files, that deliberate mistakes (the
imported ones: an answer column shifted either way, a dropped item, an item off by one row; and one
per layout aimed at its feature) are caught, and that no sheet name or question repeats (or nearly
repeats) one of the tuned layouts or of the seven earlier held-out sets.

Where the imported checks cannot see a feature, this file says so and checks it itself: their
heading patterns are English, so this set's headings are added to heldout_layouts5's
FOREIGN_HEADINGS (as heldout_layouts6 does for its Arabic sheet), which excuses their complaints
about headings that match the language's words (each feature check then checks the headings
itself); their complaint that a sheet is hidden (german_supplier_self_assessment) is replaced by
that layout's feature check; their "a CSV has no drop-downs" complaint about header choices in a CSV
is replaced by a check that the header names them.

From bench/heldout_layouts6.py this file imports, as bench/heldout_layouts7.py does, the self-check
machinery: `_run_set` (set 6's and set 7's layouts are passed as the later sets, so that the
questions are compared with theirs too), the parts of `check_layout` (`_imported_problems`,
`_feature_problems`, `_order_problems`) and the helper `_role`; from bench/heldout_layouts7.py
`_list_values` and `_records`; from bench/heldout_layouts5.py `FOREIGN_HEADINGS` and `_excused`; from
bench/heldout_layouts4.py the style helpers and `expect`; from bench/heldout_layouts.py `collapse`,
`split_ref`, `_resolve_list` and `_validations_over`.
"""

from __future__ import annotations

import copy
import csv
import io
import re
import sys
from pathlib import Path
from typing import Any, Callable

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
ORACLE = ROOT / "Tests" / "oracle"
for _folder in (ORACLE, BENCH):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

import openpyxl  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Alignment, Font  # noqa: E402
from openpyxl.utils.cell import column_index_from_string  # noqa: E402

from heldout_layouts import _resolve_list, _validations_over, collapse, split_ref  # noqa: E402
from heldout_layouts4 import (  # noqa: E402
    B_FONT,
    FRAME,
    H_FONT,
    MIDDLE,
    PAINT,
    band_row,
    body_row,
    caption,
    col_widths,
    expect,
    heading_row,
    sheet_of,
    small_print,
    store,
)
from heldout_layouts5 import FOREIGN_HEADINGS, _excused  # noqa: E402
from heldout_layouts6 import (  # noqa: E402
    FEATURE_ERRORS,
    HELDOUT6_LAYOUTS,
    _feature_problems,
    _imported_problems,
    _order_problems,
    _role,
    _run_set,
)
from heldout_layouts7 import HELDOUT7_LAYOUTS, _list_values, _records  # noqa: E402
from questionnaire_layouts import (  # noqa: E402
    ANY,
    ExpectedSheet,
    Layout,
    list_validation,
    ref,
)

# --- this set's answer lists and looks -------------------------------------------------------------

DE_CHOICES = ["Ja", "Nein", "Teilweise", "Nicht zutreffend"]
FR_CHOICES = ["Oui", "Non", "N.A."]
ES_CHOICES = ["Sí", "No", "Parcialmente", "No aplica"]
NL_CHOICES = ["Ja", "Nee", "N.v.t."]
PT_CHOICES = ["Sim", "Não", "Não se aplica"]
IT_CHOICES = ["Sì", "No", "Parzialmente", "Non applicabile"]
DE_EN_CHOICES = ["Ja", "Nein", "Teilweise", "Entfällt"]
MATURITY_LEVELS = ["0", "1", "2", "3", "4", "5"]

NBSP = "\u00a0"
ENGLISH_ROW_FONT = Font(name="Verdana", italic=True, size=8, color="FFFFFF")
CHAPTER_FONT = Font(name="Verdana", bold=True, size=10, color="FFFFFF")
TARGET_FONT = Font(name="Verdana", bold=True, size=9, color="595959")

# Heading words per layout of this set (heldout_layouts5's registry, which its `_excused` reads to
# excuse the English heading check's complaints; each feature check below checks them as well).
FOREIGN_HEADINGS["german_supplier_self_assessment"] = {
    "id": re.compile(r"^lfd\. ?nr\.?$", re.I),
    "question": re.compile(r"prüffrage|anforderung", re.I),
    "answer": re.compile(r"^antwort\b", re.I),
    "comment": re.compile(r"erläuterung", re.I),
    "evidence": re.compile(r"nachweis", re.I),
}
FOREIGN_HEADINGS["french_supplier_questionnaire"] = {
    "id": re.compile(r"^n°$", re.I),
    "question": re.compile(r"^question$", re.I),
    "answer": re.compile(r"^réponse\b", re.I),
    "comment": re.compile(r"^commentaire", re.I),
    "evidence": re.compile(r"^justificatif", re.I),
}
FOREIGN_HEADINGS["spanish_grouped_header"] = {
    "id": re.compile(r"^nº$", re.I),
    "question": re.compile(r"^pregunta$", re.I),
    "answer": re.compile(r"^cumple$", re.I),
    "comment": re.compile(r"^observaciones$", re.I),
    "evidence": re.compile(r"^evidencia$", re.I),
}
FOREIGN_HEADINGS["dutch_bio_two_explanations"] = {
    "id": re.compile(r"^nr\.$", re.I),
    "question": re.compile(r"^vraag$", re.I),
    "answer": re.compile(r"^antwoord$", re.I),
    "comment": re.compile(r"^toelichting leverancier$", re.I),
    "evidence": re.compile(r"^bewijs$", re.I),
    "guidance": re.compile(r"^toelichting bij de vraag$", re.I),
}
FOREIGN_HEADINGS["portuguese_lgpd_csv"] = {
    "id": re.compile(r"^nº$", re.I),
    "question": re.compile(r"^pergunta$", re.I),
    "answer": re.compile(r"^resposta\b", re.I),
    "comment": re.compile(r"^observações$", re.I),
}
FOREIGN_HEADINGS["italian_input_messages"] = {
    "id": re.compile(r"^n\.$", re.I),
    "question": re.compile(r"^domanda$", re.I),
    "answer": re.compile(r"^risposta$", re.I),
    "comment": re.compile(r"^note$", re.I),
    "evidence": re.compile(r"^evidenza$", re.I),
}
FOREIGN_HEADINGS["maturity_fr_en_two_header_rows"] = {
    "id": re.compile(r"^ref\.$", re.I),
    "question": re.compile(r"^requirement$", re.I),
    "answer": re.compile(r"^maturity level$", re.I),
    "comment": re.compile(r"^comments$", re.I),
    "evidence": re.compile(r"^evidence$", re.I),
}


def _header_choices(heading: Any) -> list[str]:
    """The choices written in a heading's closing parentheses ("Réponse (Oui/Non/N.A.)")."""
    match = re.search(r"\(([^()]*)\)\s*$", heading if isinstance(heading, str) else "")
    return [part.strip() for part in match.group(1).split("/")] if match else []


def _bands(ws: Any, first_column: int = 1) -> dict[int, str]:
    """Rows holding a section band: one merged range on the row, starting in `first_column`."""
    out: dict[int, str] = {}
    for merged in ws.merged_cells.ranges:
        if merged.min_row == merged.max_row and merged.min_col == first_column and merged.max_col > first_column:
            value = ws.cell(merged.min_row, first_column).value
            if isinstance(value, str):
                out[merged.min_row] = value
    return out


def _heading_problems(layout: Layout, sheet: ExpectedSheet, heading_at: Callable[[str], Any]) -> list[str]:
    """The sheet's role columns are headed in its language (this layout's FOREIGN_HEADINGS), and no
    heading reads like another role's."""
    problems: list[str] = []
    patterns = FOREIGN_HEADINGS[layout.name]
    for letter, role in sheet.columns.items():
        heading = collapse(heading_at(letter)) or ""
        pattern = patterns.get(role)
        if pattern is None:
            continue
        if not pattern.search(heading):
            problems.append(f"column {letter} ({role}) is headed {heading!r}, not this language's {role} heading")
        for other, other_pattern in patterns.items():
            if other != role and other_pattern.search(heading):
                problems.append(f"column {letter} ({role}) is headed like a {other} column ({heading!r})")
    return problems


def _section_walk(ws: Any, layout: Layout, sheet: ExpectedSheet, first_column: int = 1) -> list[str]:
    """Each item's section is the band row above it; no other row below the header has text in the
    question column or a cell ending in '?'."""
    problems: list[str] = []
    bands = _bands(ws, first_column)
    question = _role(sheet, "question")
    items = {item.row: item for item in layout.items if item.sheet == sheet.name}
    section = None
    for row in range(sheet.header_row + 1, ws.max_row + 1):
        if row in bands:
            section = bands[row]
        elif row in items:
            if items[row].section != [section]:
                problems.append(f"row {row}: section {items[row].section!r}, the band above says {section!r}")
        elif (isinstance(ws[f"{question}{row}"].value, str)
              or any(isinstance(c.value, str) and c.value.rstrip().endswith("?") for c in ws[row])):
            problems.append(f"row {row}: a question-like row that is neither an item nor a section band")
    if len(set(bands.values())) < 3:
        problems.append("fewer than three section bands")
    return problems


# --- 1. German supplier self-assessment: cover, hidden list sheet, evidence before comment ----------

DE_SHEET = "Selbstauskunft"
DE_LISTS = "Auswahlwerte"
#: (chapter, [(question, existing answer, evidence given, explanation given)])
DE_CHAPTERS: list[tuple[str, list[tuple[str, str | None, str | None, str | None]]]] = [
    ("1 Organisation und Verantwortlichkeiten", [
        ("Ist in Ihrem Unternehmen eine verantwortliche Person für Informationssicherheit schriftlich benannt?",
         "Ja", "Organigramm, Stand 10/2026 (Anlage 1)", None),
        ("Liegt eine von der Geschäftsführung freigegebene Leitlinie zur Informationssicherheit vor?", None, None, None),
        ("Gibt es einen festgelegten Ablauf, nach dem Ihre Sicherheitsvorgaben überarbeitet und neu freigegeben "
         "werden?", None, None, None),
        ("Verfügen Sie über eine gültige Zertifizierung nach ISO/IEC 27001 oder ein TISAX-Label?", "Teilweise", None,
         "Das Zertifizierungsaudit für das Rechenzentrum Kassel ist für das zweite Quartal 2027 geplant."),
    ]),
    ("2 Personal und Schulung", [
        ("Werden neue Beschäftigte vor dem ersten Zugriff auf Kundendaten auf das Datengeheimnis verpflichtet?",
         None, None, None),
        ("Erhalten Ihre Beschäftigten mindestens jährlich eine Unterweisung zu Phishing und Social Engineering?",
         None, None, None),
        ("Werden die Benutzerkonten ausscheidender Beschäftigter spätestens an deren letztem Arbeitstag gesperrt?",
         None, None, None),
    ]),
    ("3 Technische und organisatorische Maßnahmen", [
        ("Ist der Zutritt zu Ihren Serverräumen auf berechtigte Personen beschränkt, und wird jeder Zutritt "
         "protokolliert?", None, None, None),
        ("Werden Notebooks und mobile Datenträger durchgängig verschlüsselt?", None, None, None),
        ("Setzen Sie für administrative Zugänge eine Mehr-Faktor-Authentisierung ein?", None, None, None),
        ("Werden Schwachstellen in Ihren Systemen nach einem festgelegten Verfahren bewertet und fristgerecht "
         "behoben?", None, None, None),
        ("Werden Datensicherungen räumlich getrennt von den Produktivsystemen aufbewahrt?", None, None, None),
    ]),
    ("4 Datenschutz und Unterauftragnehmer", [
        ("Haben Sie eine Datenschutzbeauftragte oder einen Datenschutzbeauftragten bestellt?", None, None, None),
        ("Sind alle Unterauftragnehmer, die unsere Daten verarbeiten, vertraglich nach Art. 28 DSGVO gebunden?",
         None, None, None),
        ("Können Sie personenbezogene Daten auf unsere Weisung fristgerecht löschen und die Löschung schriftlich "
         "bestätigen?", None, None, None),
        ("Findet eine Verarbeitung unserer Daten außerhalb der EU bzw. des EWR statt?", "Nein", None, None),
    ]),
]


def german_supplier_self_assessment(folder: Path) -> Layout:
    wb = Workbook()
    cover = wb.active
    cover.title = "Deckblatt"
    caption(cover, "A1", "Lieferantenselbstauskunft zur Informationssicherheit", "A1:D1")
    cover["A3"] = "Angaben zum Lieferanten"
    cover["A3"].font = Font(name="Verdana", bold=True, size=10)
    for row, label in enumerate(["Firmenname:", "Anschrift:", "Ansprechpartner/in:", "E-Mail:",
                                 "Lieferantenkategorie:", "Datum der Auskunft:"], start=4):
        cover[f"A{row}"] = label
        cover[f"A{row}"].font = B_FONT
        cover[f"B{row}"].border = FRAME
        cover[f"B{row}"].fill = PAINT["input"]
    small_print(cover, "A11", "Bitte füllen Sie das Blatt „Selbstauskunft“ vollständig aus. Wählen Sie in der Spalte "
                              "„Antwort“ einen Wert aus der Liste und fügen Sie die genannten Nachweise als Anlage bei.",
                "A11:D12")
    small_print(cover, "A14", "Rücksendung an: lieferantenmanagement@example.de")
    col_widths(cover, A=24, B=48, C=12, D=12)

    ws = wb.create_sheet(DE_SHEET)
    lists = wb.create_sheet(DE_LISTS)
    lists["A1"] = "Antwort"
    for index, value in enumerate(DE_CHOICES, start=2):
        lists[f"A{index}"] = value
    lists["B1"] = "Kategorie"
    for index, value in enumerate(["A", "B", "C"], start=2):
        lists[f"B{index}"] = value
    list_validation(cover, f"{DE_LISTS}!$B$2:$B$4", "B8")

    caption(ws, "A1", "Selbstauskunft Informationssicherheit – Lieferanten der Kategorie B", "A1:E1")
    small_print(ws, "A2", "Stand: Januar 2027 · Dokumentversion 4.0")
    small_print(ws, "A3", "Antwortmöglichkeiten: Ja = vollständig umgesetzt · Teilweise = Umsetzung begonnen · Nein = "
                          "nicht umgesetzt · Nicht zutreffend = bitte in der Erläuterung begründen", "A3:E3")
    heading_row(ws, 5, {"A": "Lfd. Nr.", "B": "Prüffrage", "C": "Antwort", "D": "Nachweis", "E": "Erläuterung"},
                paint="slate")
    items = []
    answer_cells = []
    row, number = 5, 0
    for chapter, questions in DE_CHAPTERS:
        row += 1
        band_row(ws, row, chapter, "A", "E", paint="mist")
        for question, existing, evidence, remark in questions:
            row += 1
            number += 1
            body_row(ws, row, {"A": number, "B": question, "C": existing, "D": evidence, "E": remark}, "ABCDE")
            ws[f"A{row}"].alignment = Alignment(horizontal="center", vertical="top")
            ws[f"C{row}"].fill = PAINT["input"]
            answer_cells.append(f"C{row}")
            items.append(expect(DE_SHEET, row, question, "C", str(number), comment="E", evidence="D",
                                allowed=DE_CHOICES, existing=existing, existing_comment=remark, section=[chapter]))
    list_validation(ws, f"{DE_LISTS}!$A$2:$A$5", *answer_cells)
    small_print(ws, f"A{row + 2}", "Vielen Dank für Ihre Mitwirkung.")
    col_widths(ws, A=9, B=78, C=18, D=32, E=44)
    ws.freeze_panes = "C6"
    lists.sheet_state = "hidden"
    path = store(wb, folder, "Lieferantenselbstauskunft_Informationssicherheit_2027.xlsx")
    return Layout(
        name="german_supplier_self_assessment",
        path=path,
        format="xlsx",
        sheets=[
            ExpectedSheet("Deckblatt", "ignored"),
            sheet_of(DE_SHEET, 5, {"A": "id", "B": "question", "C": "answer", "D": "evidence", "E": "comment"}),
            ExpectedSheet(DE_LISTS, "ignored"),
        ],
        items=items,
        note="German supplier self-assessment: the 'Deckblatt' cover (supplier fields) is ignored; on "
             "'Selbstauskunft' the header is row 5: 'Lfd. Nr.' (running ids 1..16 across the chapters, as "
             "displayed), 'Prüffrage' (question), 'Antwort' (answer), 'Nachweis' (evidence, placed BEFORE the "
             "comment) and 'Erläuterung' (comment). The drop-down takes 'Ja', 'Nein', 'Teilweise', 'Nicht "
             "zutreffend' from the HIDDEN 'Auswahlwerte' sheet, which is ignored (source validation). Chapter rows "
             "are sections; the legend line above the header is not an item; three rows are already answered.",
    )


# --- 2. French questionnaire: choices in the header, no-break space before "?", obligations ----------

FR_SHEET = "Questionnaire fournisseur"
#: (id, thème, question with " ?" where the cell has a no-break space, existing answer, existing comment)
FR_ROWS: list[tuple[str, str, str, str | None, str | None]] = [
    ("Q01", "Gouvernance", "Disposez-vous d’une politique de sécurité de l’information approuvée par votre direction "
                           "générale ?", "Oui", "PSSI version 5, validée en comité de direction le 12/09/2026."),
    ("Q02", "Gouvernance", "Le prestataire doit désigner un interlocuteur sécurité joignable pendant toute la durée du "
                           "contrat.", None, None),
    ("Q03", "Gouvernance", "Vos propres sous-traitants ayant accès à nos données sont-ils tenus à des exigences de "
                           "sécurité équivalentes aux vôtres ?", None, None),
    ("Q04", "Ressources humaines", "Les intervenants affectés à notre prestation signent-ils un engagement de "
                                   "confidentialité ?", None, None),
    ("Q05", "Ressources humaines", "Chaque nouvel arrivant suit-il une sensibilisation à la sécurité dans le mois qui "
                                   "suit son arrivée ?", None, None),
    ("Q06", "Contrôle d’accès", "Les droits d’accès à nos environnements sont-ils revus au moins deux fois par an ?",
     None, None),
    ("Q07", "Contrôle d’accès", "L’authentification à double facteur est-elle imposée pour tout accès distant à votre "
                                "système d’information ?", None, None),
    ("Q08", "Contrôle d’accès", "Le prestataire doit supprimer les comptes nominatifs de ses intervenants au plus tard "
                                "48 heures après leur départ.", None, None),
    ("Q09", "Protection des données", "Nos données sont-elles hébergées exclusivement au sein de l’Union européenne ?",
     "Non", "Les sauvegardes sont répliquées à Genève (Suisse)."),
    ("Q10", "Protection des données", "Les fichiers échangés avec nos équipes sont-ils chiffrés de bout en bout ?",
     None, None),
    ("Q11", "Protection des données", "Êtes-vous en mesure de nous restituer l’intégralité de nos données dans un "
                                      "format exploitable à la fin du contrat ?", None, None),
    ("Q12", "Continuité d’activité", "Un plan de continuité couvrant la prestation est-il éprouvé par un exercice au "
                                     "moins une fois par an ?", None, None),
    ("Q13", "Continuité d’activité", "Vos sauvegardes sont-elles conservées sur un site distinct du site de "
                                     "production ?", None, None),
    ("Q14", "Gestion des incidents", "Le prestataire doit notifier tout incident de sécurité affectant nos données "
                                     "dans un délai de 24 heures.", None, None),
    ("Q15", "Gestion des incidents", "Tenez-vous un registre des incidents de sécurité consultable par nos auditeurs "
                                     "sur simple demande ?", None, None),
]
#: Rows typed with an ordinary space before "?" (the rest have a no-break space, as French Word/Excel types it).
FR_PLAIN_SPACE = {"Q06", "Q13"}


def french_supplier_questionnaire(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = FR_SHEET
    caption(ws, "A1", "Questionnaire sécurité fournisseur", "A1:F1")
    small_print(ws, "A2", "Direction des Achats – Pôle Risques Tiers · Version 2.3 du 15/01/2027", "A2:F2")
    for row, label in ((3, "Fournisseur :"), (4, "Date de réponse :")):
        ws[f"A{row}"] = label.replace(" :", NBSP + ":")
        ws[f"A{row}"].font = B_FONT
        ws.merge_cells(f"A{row}:B{row}")
        ws[f"C{row}"].border = FRAME
        ws[f"C{row}"].fill = PAINT["input"]
    small_print(ws, "A6", "Répondre par Oui, Non ou N.A. dans la colonne « Réponse ». N.A." + NBSP + ": non applicable "
                          "— en préciser la raison dans le commentaire. Joindre les justificatifs demandés.", "A6:F6")
    header = {"A": "N°", "B": "Thème", "C": "Question", "D": "Réponse (Oui/Non/N.A.)", "E": "Commentaire",
              "F": "Justificatif"}
    heading_row(ws, 8, header, paint="navy")
    items = []
    row = 8
    for id_, theme, question, existing, remark in FR_ROWS:
        row += 1
        typed = question if id_ in FR_PLAIN_SPACE else question.replace(" ?", NBSP + "?")
        body_row(ws, row, {"A": id_, "B": theme, "C": typed, "D": existing, "E": remark}, "ABCDEF")
        ws[f"D{row}"].alignment = MIDDLE
        items.append(expect(FR_SHEET, row, question, "D", id_, comment="E", evidence="F", allowed=FR_CHOICES,
                            source="header", existing=existing, existing_comment=remark))
    ws[f"A{row + 2}"] = "Fin du questionnaire – merci de votre collaboration."
    ws[f"A{row + 2}"].font = Font(name="Verdana", italic=True, size=9)
    ws.merge_cells(f"A{row + 2}:F{row + 2}")
    col_widths(ws, A=7, B=22, C=70, D=16, E=40, F=28)
    path = store(wb, folder, "questionnaire_securite_fournisseur_v2.3.xlsx")
    return Layout(
        name="french_supplier_questionnaire",
        path=path,
        format="xlsx",
        sheets=[sheet_of(FR_SHEET, 8, {"A": "id", "C": "question", "D": "answer", "E": "comment", "F": "evidence"})],
        items=items,
        note="French questionnaire, header on row 8 under a title, a supplier block and a legend line. No drop-down: "
             "the answer header 'Réponse (Oui/Non/N.A.)' gives the allowed answers ['Oui', 'Non', 'N.A.'] exactly as "
             "written (not 'N/A'), source header. Questions typed with a no-break space before '?' are given "
             "collapsed (' ?'). Obligations ('Le prestataire doit …') are items. 'Thème' is a grouping column "
             "(section ANY); 'Commentaire' is the comment, 'Justificatif' the evidence; two rows already answered.",
    )


# --- 3. Spanish: a group row above the headings, a requester's criticality column ---------------------

ES_SHEET = "Evaluación proveedor"
#: (dominio, [(id, question, criticidad, existing answer, existing observation)])
ES_DOMAINS: list[tuple[str, list[tuple[str, str, str, str | None, str | None]]]] = [
    ("Dominio 1. Gobierno de la seguridad", [
        ("1.1", "¿Cuenta su organización con un responsable de seguridad de la información con dedicación formal?",
         "Alta", "Sí", "Oficial de Seguridad designado desde marzo de 2024."),
        ("1.2", "¿Su política de seguridad fue aprobada por la alta dirección en los últimos doce meses?", "Media",
         None, None),
        ("1.3", "¿Realiza evaluaciones de riesgos de seguridad al menos una vez al año? Adjunte el informe más reciente.",
         "Media", None, None),
    ]),
    ("Dominio 2. Gestión de accesos", [
        ("2.1", "¿Los accesos a la información del banco se asignan según el principio de mínimo privilegio?", "Alta",
         None, None),
        ("2.2", "¿Las contraseñas de sus usuarios deben tener una longitud mínima de doce caracteres?", "Media",
         "Parcialmente", "Hoy se exigen diez caracteres; se ampliará a doce en el próximo trimestre."),
        ("2.3", "¿Se registran y revisan los accesos de los administradores a los sistemas que procesan nuestra "
                "información?", "Alta", None, None),
        ("2.4", "El proveedor debe bloquear las cuentas que permanezcan inactivas durante más de noventa días.", "Media",
         None, None),
    ]),
    ("Dominio 3. Protección de la información", [
        ("3.1", "¿La información del banco se cifra tanto en reposo como en tránsito?", "Alta", None, None),
        ("3.2", "¿Dispone de un procedimiento para la destrucción segura de medios que contengan información del "
                "banco?", "Media", None, None),
        ("3.3", "¿Los datos personales se tratan conforme a la Ley 1581 de 2012 y sus decretos reglamentarios?", "Alta",
         None, None),
    ]),
    ("Dominio 4. Continuidad e incidentes", [
        ("4.1", "¿Tiene un plan de continuidad del negocio que se prueba como mínimo una vez al año?", "Alta", None,
         None),
        ("4.2", "¿Notifica al banco los incidentes de seguridad que afecten su información en un plazo máximo de "
                "24 horas?", "Alta", None, None),
        ("4.3", "¿Conserva los registros de auditoría de los sistemas que soportan el servicio durante al menos un "
                "año?", "Baja", None, None),
        ("4.4", "¿Ha sufrido su organización algún incidente de seguridad significativo en los últimos dos años? En "
                "caso afirmativo, descríbalo en Observaciones.", "Media", None, None),
    ]),
]
ES_GROUPS = {"A4:C4": "Requisitos del banco", "D4:F4": "Respuesta del proveedor"}


def spanish_grouped_header(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = ES_SHEET
    caption(ws, "A1", "Evaluación de Seguridad de la Información – Proveedores Críticos", "A1:F1")
    small_print(ws, "A2", "Gerencia de Riesgo Tecnológico · Formato GRT-F-017 · Versión 3 · Uso interno", "A2:F2")
    for span, text in ES_GROUPS.items():
        first = span.split(":")[0]
        ws[first] = text
        ws.merge_cells(span)
        for row_cells in ws[span]:
            for cell in row_cells:
                cell.fill = PAINT["slate"]
                cell.border = FRAME
        ws[first].font = H_FONT
        ws[first].alignment = MIDDLE
    heading_row(ws, 5, {"A": "Nº", "B": "Pregunta", "C": "Criticidad", "D": "Cumple", "E": "Observaciones",
                        "F": "Evidencia"}, paint="navy")
    items = []
    answer_cells = []
    row = 5
    for domain, questions in ES_DOMAINS:
        row += 1
        band_row(ws, row, domain, "A", "F", paint="cyan")
        for id_, question, criticality, existing, remark in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": criticality, "D": existing, "E": remark}, "ABCDEF")
            ws[f"C{row}"].alignment = MIDDLE
            ws[f"C{row}"].fill = PAINT["mist"]
            answer_cells.append(f"D{row}")
            items.append(expect(ES_SHEET, row, question, "D", id_, comment="E", evidence="F", allowed=ES_CHOICES,
                                existing=existing, existing_comment=remark, section=[domain]))
    list_validation(ws, ES_CHOICES, *answer_cells)
    col_widths(ws, A=6, B=72, C=12, D=15, E=40, F=30)
    ws.freeze_panes = "A6"
    path = store(wb, folder, "GRT-F-017_evaluacion_seguridad_proveedores.xlsx")
    return Layout(
        name="spanish_grouped_header",
        path=path,
        format="xlsx",
        sheets=[sheet_of(ES_SHEET, 5, {"A": "id", "B": "question", "D": "answer", "E": "comment", "F": "evidence"})],
        items=items,
        note="Spanish (Colombian bank) questionnaire with a two-row header: row 4 only groups the columns (merged "
             "'Requisitos del banco' over A:C, 'Respuesta del proveedor' over D:F); the header row is row 5 "
             "('Nº', 'Pregunta', 'Criticidad', 'Cumple', 'Observaciones', 'Evidencia'). 'Cumple' is the answer "
             "(drop-down 'Sí', 'No', 'Parcialmente', 'No aplica', as written); the bank's pre-filled 'Criticidad' "
             "has no role. Questions open with '¿'; one obligation ('El proveedor debe …') is an item. Domain rows "
             "are sections; two rows already answered.",
    )


# --- 4. Dutch BIO: the requester's explanation and the supplier's explanation -------------------------

NL_SHEET = "Vragenlijst BIO"
#: (chapter, [(paragraph, [(id, BIO ref, question, guidance, existing answer, existing comment)])])
NL_CHAPTERS: list[tuple[str, list[tuple[str, list[tuple[str, str, str, str | None, str | None, str | None]]]]]] = [
    ("5 Informatiebeveiligingsbeleid", [
        ("5.1 Aansturing door de directie", [
            ("V01", "5.1.1.1", "Beschikt uw organisatie over een informatiebeveiligingsbeleid dat door de directie is "
                               "vastgesteld?",
             "Het beleid mag deel uitmaken van een breder kwaliteitsbeleid, zolang de beveiligingsdoelen er expliciet "
             "in staan.", "Ja", "Vastgesteld door de directie op 3 maart 2026."),
            ("V02", "5.1.1.2", "Wordt het beleid ten minste eenmaal per jaar geëvalueerd en waar nodig herzien?", None,
             None, None),
        ]),
    ]),
    ("9 Toegangsbeveiliging", [
        ("9.2 Beheer van gebruikerstoegang", [
            ("V03", "9.2.1.1", "Is er een formele procedure voor het registreren en afmelden van gebruikers?",
             "Denk aan de in-, door- en uitstroom van medewerkers en inhuurkrachten.", None, None),
            ("V04", "9.2.3.1", "Worden speciale bevoegdheden, zoals beheeraccounts, apart toegekend en periodiek "
                               "gecontroleerd?", None, None, None),
            ("V05", "9.2.5.1", "Beoordeelt u minimaal halfjaarlijks of de toegekende rechten nog passen bij de functie "
                               "van elke gebruiker?", "Vermeld bij het bewijs de datum van de laatste beoordeling.",
             None, None),
        ]),
        ("9.4 Toegangsbeveiliging van systemen en toepassingen", [
            ("V06", "9.4.2.1", "Wordt voor toegang tot systemen met gemeentelijke gegevens meerfactorauthenticatie "
                               "gebruikt?", None, None, None),
            ("V07", "9.4.3.1", "Dwingen uw systemen wachtwoorden af die voldoen aan de BIO-eisen voor lengte en "
                               "complexiteit?", None, None, None),
        ]),
    ]),
    ("12 Beveiliging bedrijfsvoering", [
        ("12.3 Back-up", [
            ("V08", "12.3.1.1", "Worden back-ups van gemeentelijke gegevens versleuteld en op een gescheiden locatie "
                                "bewaard?", "Een tweede datacenter binnen Nederland volstaat.", None, None),
            ("V09", "12.3.1.2", "Wordt het terugzetten van back-ups ten minste eenmaal per jaar getest?", None, None,
             None),
        ]),
        ("12.4 Verslaglegging en monitoren", [
            ("V10", "12.4.1.1", "Worden gebeurtenissen in logbestanden vastgelegd en minimaal zes maanden bewaard?",
             None, None, None),
            ("V11", "12.4.3.1", "Worden handelingen van systeembeheerders gelogd en door een onafhankelijke partij "
                                "beoordeeld?", None, None, None),
        ]),
    ]),
    ("16 Beheer van informatiebeveiligingsincidenten", [
        ("16.1 Beheer van incidenten en verbeteringen", [
            ("V12", "16.1.2.1", "Meldt u beveiligingsincidenten en datalekken binnen 24 uur aan de gemeente?",
             "Dit geldt ook voor incidenten bij uw onderaannemers.", "Ja", None),
            ("V13", "16.1.6.1", "Worden de lessen uit incidenten vastgelegd en gebruikt om maatregelen te verbeteren?",
             None, None, None),
        ]),
    ]),
    ("18 Naleving", [
        ("18.1 Naleving van wettelijke en contractuele eisen", [
            ("V14", "18.1.4.1", "Heeft u met de gemeente een verwerkersovereenkomst gesloten die voldoet aan artikel 28 "
                                "AVG?", None, "N.v.t.", "Wij verwerken geen persoonsgegevens namens de gemeente."),
            ("V15", "18.1.3.1", "Kunt u een recente ISAE 3402-verklaring of een vergelijkbaar onafhankelijk "
                                "auditrapport overleggen?",
             "Een verklaring ouder dan achttien maanden nemen wij niet in behandeling.", None, None),
        ]),
    ]),
]


def dutch_bio_two_explanations(folder: Path) -> Layout:
    wb = Workbook()
    intro = wb.active
    intro.title = "Instructie"
    caption(intro, "A1", "Instructie voor het invullen")
    for row, line in enumerate([
        "Deze vragenlijst is gebaseerd op de Baseline Informatiebeveiliging Overheid (BIO).",
        "Kies in de kolom Antwoord uit Ja, Nee of N.v.t. en licht uw antwoord toe in de kolom Toelichting leverancier.",
        "De kolom Toelichting bij de vraag is door de gemeente ingevuld en geeft aan wat wij verwachten.",
        "Voeg bewijsstukken toe als bijlage en noem de bestandsnaam in de kolom Bewijs.",
        "Vragen? Neem contact op met het team Informatiebeveiliging & Privacy.",
    ], start=3):
        small_print(intro, f"A{row}", line)
    col_widths(intro, A=110)

    ws = wb.create_sheet(NL_SHEET)
    caption(ws, "A1", "Vragenlijst informatiebeveiliging leveranciers (BIO)", "A1:G1")
    small_print(ws, "A2", "Gemeente Westerwolde-aan-Zee · Team Informatiebeveiliging & Privacy · versie 2027-1", "A2:G2")
    heading_row(ws, 4, {"A": "Nr.", "B": "BIO-maatregel", "C": "Vraag", "D": "Toelichting bij de vraag",
                        "E": "Antwoord", "F": "Toelichting leverancier", "G": "Bewijs"}, paint="moss")
    items = []
    answer_cells = []
    row = 4
    for chapter, paragraphs in NL_CHAPTERS:
        row += 1
        band_row(ws, row, chapter, "A", "G", paint="moss")
        ws[f"A{row}"].font = CHAPTER_FONT
        for paragraph, questions in paragraphs:
            row += 1
            band_row(ws, row, paragraph, "A", "G", paint="cyan")
            for id_, bio, question, guide, existing, remark in questions:
                row += 1
                body_row(ws, row, {"A": id_, "B": bio, "C": question, "D": guide, "E": existing, "F": remark},
                         "ABCDEFG")
                ws[f"D{row}"].font = Font(name="Verdana", italic=True, size=8, color="4F6228")
                ws[f"D{row}"].fill = PAINT["mist"]
                ws[f"E{row}"].fill = PAINT["input"]
                answer_cells.append(f"E{row}")
                items.append(expect(NL_SHEET, row, question, "E", id_, comment="F", evidence="G", allowed=NL_CHOICES,
                                    existing=existing, existing_comment=remark, section=[chapter, paragraph],
                                    guidance=collapse(guide) if guide else None))
    list_validation(ws, NL_CHOICES, *answer_cells)
    col_widths(ws, A=6, B=12, C=62, D=38, E=12, F=40, G=26)
    path = store(wb, folder, "BIO-vragenlijst_leveranciers_2027-1.xlsx")
    return Layout(
        name="dutch_bio_two_explanations",
        path=path,
        format="xlsx",
        sheets=[
            ExpectedSheet("Instructie", "ignored"),
            sheet_of(NL_SHEET, 4, {"A": "id", "C": "question", "D": "guidance", "E": "answer", "F": "comment",
                                   "G": "evidence"}),
        ],
        items=items,
        note="Dutch municipal BIO questionnaire after an 'Instructie' sheet (ignored). Two 'Toelichting' columns: "
             "the municipality's 'Toelichting bij de vraag' (D, left of the answer) is the guidance column (its text; "
             "None where the cell is empty) and the supplier's 'Toelichting leverancier' (F) is the comment column. "
             "'Antwoord' is the answer (drop-down 'Ja', 'Nee', 'N.v.t.'), 'Bewijs' the evidence, 'Nr.' the id "
             "(V01 ...); the 'BIO-maatregel' reference column has no role. Sections are nested: [chapter row, "
             "paragraph row] ('9 Toegangsbeveiliging', '9.2 Beheer van gebruikerstoegang'); three rows answered.",
    )


# --- 5. Brazilian LGPD questionnaire: semicolon CSV in Windows-1252 ----------------------------------

PT_HEADER = ["Nº", "Pergunta", "Resposta (Sim/Não/Não se aplica)", "Observações"]
#: (section, [(id, question, existing answer, existing observation)])
PT_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None]]]] = [
    ("Seção 1 – Governança de dados pessoais", [
        ("1.1", "A empresa nomeou um encarregado pelo tratamento de dados pessoais e divulgou publicamente seu contato?",
         "Sim", "Encarregada: Dra. Marina Albuquerque, dpo@example.com.br"),
        ("1.2", "Existe um registro atualizado das operações de tratamento realizadas em nome do contratante?", None,
         None),
        ("1.3", "A empresa elabora relatório de impacto à proteção de dados quando o tratamento envolve alto risco?",
         None, None),
        ("1.4", "Os colaboradores recebem treinamento periódico sobre privacidade e proteção de dados?", None, None),
    ]),
    ("Seção 2 – Direitos dos titulares", [
        ("2.1", "Há um procedimento para responder às solicitações dos titulares em até 15 dias?", None, None),
        ("2.2", "A empresa consegue localizar, corrigir e eliminar os dados de um titular específico quando solicitado?",
         None, None),
        ("2.3", "Quando o consentimento é a base legal, ele fica registrado e pode ser revogado pelo titular a qualquer "
                "momento?", None, None),
    ]),
    ("Seção 3 – Segurança e incidentes", [
        ("3.1", "Os dados pessoais são protegidos por criptografia no armazenamento e na transmissão?", None, None),
        ("3.2", "O acesso aos dados pessoais é restrito aos colaboradores que precisam deles para prestar o serviço?",
         None, None),
        ("3.3", "Existe um plano de resposta a incidentes que prevê a comunicação à ANPD e aos titulares afetados?",
         None, None),
        ("3.4", "Em caso de incidente, o contratante é comunicado em até 48 horas; a comunicação descreve as medidas "
                "adotadas?", None, None),
    ]),
    ("Seção 4 – Transferências e suboperadores", [
        ("4.1", "Há transferência de dados pessoais para fora do Brasil? Em caso positivo, informe os países em "
                "Observações.", "Não", None),
        ("4.2", "Os suboperadores contratados estão sujeitos às mesmas obrigações de proteção de dados previstas no "
                "contrato?", None, None),
        ("4.3", "Ao término do contrato, a empresa devolve ou elimina os dados pessoais conforme instrução do "
                "contratante?", None, None),
    ]),
]


def portuguese_lgpd_csv(folder: Path) -> Layout:
    blank = [""] * (len(PT_HEADER) - 1)
    records = [
        ["Questionário de Adequação à LGPD – Fornecedores"] + blank,
        ["Preencha a coluna Resposta com Sim, Não ou Não se aplica; use Observações para detalhar."] + blank,
        PT_HEADER,
    ]
    sheet = "questionario_lgpd_fornecedores"
    items = []
    for section, rows in PT_SECTIONS:
        records.append([section] + blank)
        for id_, question, existing, remark in rows:
            records.append([id_, question, existing or "", remark or ""])
            items.append(expect(sheet, len(records), question, "C", id_, comment="D", allowed=PT_CHOICES,
                                source="header", existing=existing, existing_comment=remark, section=[section]))
    records.append(["Fim do questionário"] + blank)
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(records)
    path = folder / "questionario_lgpd_fornecedores.csv"
    path.write_bytes(buffer.getvalue().encode("cp1252"))
    return Layout(
        name="portuguese_lgpd_csv",
        path=path,
        format="csv",
        sheets=[sheet_of(sheet, 3, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items=items,
        csv=True,
        encoding="cp1252",
        delimiter=";",
        note="Brazilian LGPD questionnaire saved by a pt-BR Excel as CSV: semicolon-separated, Windows-1252 (no BOM), "
             "CRLF. Title and instruction records above the header (record 3); section records ('Seção 1 – …') give "
             "the section. 'Resposta (Sim/Não/Não se aplica)' is the answer; its header choices ['Sim', 'Não', 'Não "
             "se aplica'] are the allowed answers (source header). 'Observações' is the comment. Fields holding ';' "
             "are quoted; two rows already answered.",
    )


# --- 6. Italian: input message and error alert on the drop-down, table from column B ------------------

IT_SHEET = "Valutazione fornitore"
#: (question, free text?, existing answer, existing note)
IT_ROWS: list[tuple[str, bool, str | None, str | None]] = [
    ("L'organizzazione dispone di un Sistema di Gestione della Sicurezza delle Informazioni certificato?", False, "Sì",
     "Certificato ISO/IEC 27001 n. 4471, valido fino a giugno 2028."),
    ("Indicare il numero di dipendenti e collaboratori che avranno accesso ai dati dell'Ente.", True, None, None),
    ("È presente un inventario aggiornato degli asset informatici impiegati per erogare il servizio?", False, None,
     None),
    ("Gli accessi amministrativi ai sistemi sono protetti con autenticazione a più fattori?", False, None, None),
    ("Le utenze non più necessarie vengono disattivate entro cinque giorni lavorativi?", False, None, None),
    ("I dati dell'Ente sono cifrati durante la trasmissione su reti pubbliche?", False, None, None),
    ("Vengono eseguiti test di penetrazione almeno annuali da parte di terzi indipendenti?", False, None, None),
    ("Indicare i Paesi nei quali sono conservati i dati dell'Ente e le relative copie di backup.", True, None, None),
    ("Le patch di sicurezza critiche vengono installate entro quindici giorni dal rilascio?", False, "Parzialmente",
     "Sui sistemi legacy l'installazione avviene entro 30 giorni."),
    ("Esiste una procedura documentata per la gestione degli incidenti di sicurezza informatica?", False, None, None),
    ("Il fornitore comunica all'Ente le violazioni di dati personali entro 24 ore dalla scoperta?", False, None, None),
    ("È stato nominato un Responsabile della protezione dei dati (RPD/DPO)?", False, None, None),
    ("Il personale riceve una formazione sulla sicurezza informatica almeno una volta l'anno?", False, None, None),
    ("I subfornitori che trattano dati dell'Ente sono vincolati a obblighi di sicurezza equivalenti?", False, None,
     None),
    ("Indicare la data dell'ultimo test di ripristino dei backup e l'esito ottenuto.", True, None, None),
]
IT_PROMPT_TITLE = "Risposta"
IT_PROMPT = "Selezionare un valore dall'elenco: Sì, No, Parzialmente oppure Non applicabile."
IT_ERROR_TITLE = "Valore non ammesso"
IT_ERROR = "Il valore inserito non è valido. Scegliere una delle voci proposte nel menu a tendina."


def italian_input_messages(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = IT_SHEET
    caption(ws, "B1", "Questionario di valutazione della sicurezza – Fornitori ICT", "B1:F1")
    small_print(ws, "B2", "Ufficio Sicurezza Informatica · Rev. 05 del 10/02/2027", "B2:F2")
    small_print(ws, "B3", "Per ogni domanda selezionare una risposta dal menu a tendina (Sì, No, Parzialmente, Non "
                          "applicabile). Le domande che iniziano con «Indicare» richiedono una risposta testuale.", "B3:F3")
    heading_row(ws, 5, {"B": "N.", "C": "Domanda", "D": "Risposta", "E": "Evidenza", "F": "Note"}, paint="rust")
    items = []
    choice_cells = []
    for number, (question, free, existing, remark) in enumerate(IT_ROWS, start=1):
        row = 5 + number
        body_row(ws, row, {"B": number, "C": question, "D": existing, "F": remark}, "BCDEF")
        ws[f"B{row}"].alignment = Alignment(horizontal="center", vertical="top")
        if not free:
            choice_cells.append(f"D{row}")
        items.append(expect(IT_SHEET, row, question, "D", str(number), comment="F", evidence="E",
                            allowed=[] if free else IT_CHOICES, existing=existing, existing_comment=remark,
                            section=[]))
    dv = list_validation(ws, IT_CHOICES, *choice_cells)
    dv.showInputMessage = True
    dv.promptTitle = IT_PROMPT_TITLE
    dv.prompt = IT_PROMPT
    dv.showErrorMessage = True
    dv.errorStyle = "stop"
    dv.errorTitle = IT_ERROR_TITLE
    dv.error = IT_ERROR
    col_widths(ws, A=3, B=6, C=70, D=18, E=30, F=40)
    ws.freeze_panes = "C6"
    path = store(wb, folder, "questionario_sicurezza_fornitori_ICT_rev05.xlsx")
    return Layout(
        name="italian_input_messages",
        path=path,
        format="xlsx",
        sheets=[sheet_of(IT_SHEET, 5, {"B": "id", "C": "question", "D": "answer", "E": "evidence", "F": "comment"})],
        items=items,
        note="Italian questionnaire whose table starts in column B (A is an empty margin), header on row 5: 'N.' (ids "
             "1..15), 'Domanda', 'Risposta', 'Evidenza' (evidence) and 'Note' (comment). The drop-down ('Sì', 'No', "
             "'Parzialmente', 'Non applicabile', as written) carries an input message and an error alert: Excel's "
             "help for the cell, NOT guidance (no guidance column, so guidance None). The 'Indicare …' rows have no "
             "drop-down: free text, []. No section rows (section []); two rows already answered.",
    )


# --- 7. German/English: the question in both languages, in two columns ---------------------------------

DE_EN_SHEET = "Fragen – Questions"
#: (section, [(id, Frage, Question, free text?, existing answer, existing comment)])
DE_EN_SECTIONS: list[tuple[str, list[tuple[str, str, str, bool, str | None, str | None]]]] = [
    ("A – Sicherheitsorganisation / Security organisation", [
        ("A.1", "Ist die Verantwortung für Informationssicherheit in Ihrer Geschäftsleitung verankert?",
         "Is accountability for information security anchored in your executive management?", False, None, None),
        ("A.2", "Gibt es ein dokumentiertes Verfahren für Ausnahmen von Sicherheitsvorgaben?",
         "Is there a documented procedure for granting exceptions to security requirements?", False, None, None),
        ("A.3", "Werden externe Dienstleister vor der Beauftragung einer Sicherheitsprüfung unterzogen?",
         "Do you carry out a security review of external service providers before engaging them?", False, None,
         None),
    ]),
    ("B – Zugriffskontrolle / Access control", [
        ("B.1", "Werden Zugriffsrechte nach dem Need-to-know-Prinzip vergeben?",
         "Are access rights granted strictly on a need-to-know basis?", False, "Ja",
         "Rollenkonzept v3 / role concept v3"),
        ("B.2", "Werden privilegierte Sitzungen aufgezeichnet oder lückenlos protokolliert?",
         "Are privileged sessions recorded or logged without gaps?", False, None, None),
        ("B.3", "Nutzen Ihre Mitarbeitenden für den Zugriff auf unsere Systeme persönliche, nicht geteilte Konten?",
         "Do your staff reach our systems only through personal, non-shared accounts?", False, None, None),
    ]),
    ("C – Kryptographie / Cryptography", [
        ("C.1", "Werden kryptographische Schlüssel in einem dedizierten Schlüsselverwaltungssystem gespeichert?",
         "Are cryptographic keys held in a dedicated key management system?", False, None, None),
        ("C.2", "Sind veraltete Protokolle wie SSL 3.0 und TLS 1.0 auf allen Systemen deaktiviert?",
         "Are outdated protocols such as SSL 3.0 and TLS 1.0 switched off on every system?", False, "Teilweise",
         "TLS 1.0 is still enabled on one legacy interface; removal is planned for Q2."),
        ("C.3", "Werden Zertifikate vor ihrem Ablauf automatisch erneuert oder überwacht?",
         "Is the expiry of every certificate tracked so that none lapses unnoticed?", False, None, None),
    ]),
    ("D – Betrieb / Operations", [
        ("D.1", "Werden Änderungen an Produktivsystemen vor der Umsetzung genehmigt?",
         "Are changes to production systems approved before they are carried out?", False, None, None),
        ("D.2", "Sind Entwicklungs-, Test- und Produktionsumgebungen voneinander getrennt?",
         "Are development, test and production environments separated from one another?", False, None, None),
        ("D.3", "Werden Sicherheitsereignisse rund um die Uhr überwacht?",
         "Are security events watched around the clock, weekends included?", False, None, None),
        ("D.4", "Wie lange bewahren Sie Protokolldaten auf, und wo werden sie gespeichert?",
         "For how long do you keep log data, and where is it stored?", True, None, None),
    ]),
    ("E – Notfallvorsorge / Business continuity", [
        ("E.1", "Existiert ein Wiederanlaufplan für die von uns genutzten Dienste?",
         "Is there a restart plan for the services we use?", False, None, None),
        ("E.2", "Wurde dieser Wiederanlaufplan in den letzten zwölf Monaten geübt?",
         "Has that restart plan been rehearsed within the last twelve months?", False, None, None),
    ]),
]


def bilingual_de_en_columns(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = DE_EN_SHEET
    caption(ws, "A1", "Informationssicherheit bei Dienstleistern / Information Security at Service Providers", "A1:E1")
    small_print(ws, "A2", "Bitte auf Deutsch oder Englisch antworten. / Please answer in German or English.", "A2:E2")
    heading_row(ws, 4, {"A": "Nr. / No.", "B": "Frage (DE)", "C": "Question (EN)", "D": "Antwort / Answer",
                        "E": "Kommentar / Comment"}, paint="navy")
    items = []
    choice_cells = []
    row = 4
    for section, rows in DE_EN_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "E", paint="straw")
        for id_, frage, question, free, existing, remark in rows:
            row += 1
            body_row(ws, row, {"A": id_, "B": frage, "C": question, "D": existing, "E": remark}, "ABCDE")
            ws[f"B{row}"].font = Font(name="Verdana", size=9, color="404040")
            if not free:
                choice_cells.append(f"D{row}")
            items.append(expect(DE_EN_SHEET, row, question, "D", id_, comment="E",
                                allowed=[] if free else DE_EN_CHOICES, existing=existing, existing_comment=remark,
                                section=[section]))
    list_validation(ws, DE_EN_CHOICES, *choice_cells)
    col_widths(ws, A=8, B=55, C=55, D=16, E=40)
    path = store(wb, folder, "Dienstleisterfragebogen_DE-EN.xlsx")
    return Layout(
        name="bilingual_de_en_columns",
        path=path,
        format="xlsx",
        sheets=[sheet_of(DE_EN_SHEET, 4, {"A": "id", "C": "question", "D": "answer", "E": "comment"})],
        items=items,
        note="Bilingual German/English: each question in 'Frage (DE)' (B) and 'Question (EN)' (C). The expected "
             "question is the ENGLISH text (C is the question column); the German column is a parallel translation "
             "with NO role (not guidance, so guidance None). 'Antwort / Answer' is the answer, its drop-down in "
             "German ('Ja', 'Nein', 'Teilweise', 'Entfällt', as written); D.4 is free text. 'Kommentar / Comment' is "
             "the comment. Bilingual section rows are sections as written; two rows already answered.",
    )


# --- 8. French/English maturity self-assessment: a header in two rows ----------------------------------

MAT_SHEET = "Auto-évaluation"
MAT_HEADINGS = {  # letter -> (French heading, English heading)
    "A": ("Réf.", "Ref."),
    "B": ("Exigence", "Requirement"),
    "C": ("Niveau cible", "Target level"),
    "D": ("Niveau de maturité", "Maturity level"),
    "E": ("Commentaires", "Comments"),
    "F": ("Preuves", "Evidence"),
}
MAT_LEGEND = [
    ("Inexistant / Non-existent", "Aucune mesure en place. / Nothing in place."),
    ("Initial / Initial", "Pratiques ponctuelles, non documentées. / Ad hoc, undocumented practices."),
    ("Reproductible / Repeatable", "Pratiques répétées mais informelles. / Repeated but informal practices."),
    ("Défini / Defined", "Processus documenté et appliqué. / Documented process, applied."),
    ("Géré / Managed", "Processus mesuré et piloté par indicateurs. / Process measured and steered by indicators."),
    ("Optimisé / Optimised", "Amélioration continue démontrée. / Demonstrated continual improvement."),
]
#: (section, [(id, French text, English text, target level)])
MAT_SECTIONS: list[tuple[str, list[tuple[str, str, str, int]]]] = [
    ("1 – Gouvernance / Governance", [
        ("GOV.1", "Une politique de sécurité est formalisée, approuvée et communiquée à l’ensemble du personnel.",
         "A security policy is formalised, approved and communicated to all staff.", 3),
        ("GOV.2", "Les rôles et responsabilités en matière de sécurité sont définis et attribués nominativement.",
         "Security roles and responsibilities are defined and assigned to named people.", 3),
        ("GOV.3", "Les risques de sécurité sont appréciés périodiquement et suivis jusqu’à leur traitement.",
         "Security risks are assessed periodically and followed up until they are treated.", 4),
        ("GOV.4", "Le respect des clauses contractuelles de sécurité est contrôlé en interne.",
         "Compliance with the contract's security clauses is checked internally.", 3),
    ]),
    ("2 – Protection des actifs / Asset protection", [
        ("PRO.1", "Les actifs informatiques sont inventoriés et chacun a un propriétaire désigné.",
         "IT assets are inventoried and each one has a designated owner.", 3),
        ("PRO.2", "Les postes de travail et les serveurs sont durcis selon une configuration de référence.",
         "Workstations and servers are hardened against a reference configuration.", 3),
        ("PRO.3", "Les correctifs de sécurité sont déployés dans des délais fixés selon leur criticité.",
         "Security patches are rolled out within deadlines set by their criticality.", 4),
        ("PRO.4", "Les comptes à privilèges sont gérés au moyen d’un bastion ou d’une solution dédiée.",
         "Privileged accounts are managed through a bastion host or a dedicated tool.", 3),
    ]),
    ("3 – Détection et réponse / Detection and response", [
        ("DET.1", "Les journaux de sécurité sont centralisés et corrélés.",
         "Security logs are centralised and correlated.", 3),
        ("DET.2", "Une équipe traite les alertes de sécurité, y compris en dehors des heures ouvrées.",
         "A team handles security alerts, outside business hours as well.", 4),
        ("DET.3", "Chaque incident majeur donne lieu à un retour d’expérience formalisé.",
         "Every major incident leads to a formal lessons-learned review.", 2),
    ]),
    ("4 – Résilience / Resilience", [
        ("RES.1", "Les sauvegardes sont vérifiées par des restaurations réalisées régulièrement.",
         "Backups are verified by restores carried out regularly.", 4),
        ("RES.2", "Un plan de reprise d’activité est documenté et exercé.",
         "A disaster recovery plan is documented and exercised.", 3),
        ("RES.3", "Les dépendances critiques envers des tiers sont identifiées et leur défaillance anticipée.",
         "Critical dependencies on third parties are identified and their failure anticipated.", 2),
    ]),
]
MAT_FR_ROW, MAT_EN_ROW = 11, 12


def maturity_fr_en_two_header_rows(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = MAT_SHEET
    caption(ws, "A1", "Auto-évaluation de la maturité sécurité / Security maturity self-assessment", "A1:F1")
    small_print(ws, "A2", "Pour chaque exigence, sélectionnez le niveau atteint (0 à 5). / For each requirement, select "
                          "the level reached (0 to 5).", "A2:F2")
    ws["A3"] = "Niveau / Level"
    ws["B3"] = "Signification / Meaning"
    for cell in ("A3", "B3"):
        ws[cell].font = Font(name="Verdana", bold=True, size=8)
    for level, (name, meaning) in enumerate(MAT_LEGEND):
        row = 4 + level
        ws[f"A{row}"] = level
        ws[f"B{row}"] = f"{name} – {meaning}"
        ws.merge_cells(f"B{row}:D{row}")
        for letter in "AB":
            ws[f"{letter}{row}"].font = Font(name="Verdana", size=8)
    heading_row(ws, MAT_FR_ROW, {letter: pair[0] for letter, pair in MAT_HEADINGS.items()}, paint="navy")
    heading_row(ws, MAT_EN_ROW, {letter: pair[1] for letter, pair in MAT_HEADINGS.items()}, paint="slate")
    for letter in MAT_HEADINGS:
        ws[f"{letter}{MAT_EN_ROW}"].font = ENGLISH_ROW_FONT
    items = []
    answer_cells = []
    row = MAT_EN_ROW
    for section, requirements in MAT_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "F", paint="mist")
        for id_, french, english, target in requirements:
            row += 1
            text = f"{french}\n{english}"
            body_row(ws, row, {"A": id_, "B": text, "C": target}, "ABCDEF")
            ws[f"C{row}"].font = TARGET_FONT
            ws[f"C{row}"].alignment = MIDDLE
            ws[f"C{row}"].fill = PAINT["mist"]
            ws[f"D{row}"].fill = PAINT["input"]
            ws[f"D{row}"].alignment = MIDDLE
            answer_cells.append(f"D{row}")
            items.append(expect(MAT_SHEET, row, text, "D", id_, comment="E", evidence="F", allowed=MATURITY_LEVELS,
                                section=[section]))
    list_validation(ws, MATURITY_LEVELS, *answer_cells)
    col_widths(ws, A=9, B=70, C=12, D=14, E=36, F=28)
    ws.freeze_panes = f"C{MAT_EN_ROW + 1}"
    path = store(wb, folder, "auto-evaluation_maturite_securite_FR-EN.xlsx")
    return Layout(
        name="maturity_fr_en_two_header_rows",
        path=path,
        format="xlsx",
        sheets=[sheet_of(MAT_SHEET, MAT_EN_ROW, {"A": "id", "B": "question", "D": "answer", "E": "comment",
                                                 "F": "evidence"})],
        items=items,
        note="French/English maturity self-assessment. The header is two rows, French (row 11) above English in "
             "italics (row 12); the header row is the LOWER, English row. A bilingual legend of the levels 0-5 above "
             "is not items. Each requirement cell holds the French text, a line break and the English text: ONE item "
             "whose question is the whole cell, collapsed. 'Niveau de maturité / Maturity level' is the answer "
             "(drop-down '0' ... '5'); the customer's pre-filled 'Niveau cible / Target level' has no role. "
             "'Commentaires / Comments' is the comment, 'Preuves / Evidence' the evidence; bilingual section rows.",
    )


# --- the registry ---------------------------------------------------------------------------------------

HELDOUT8_LAYOUTS: list[Callable[[Path], Layout]] = [
    german_supplier_self_assessment,
    french_supplier_questionnaire,
    spanish_grouped_header,
    dutch_bio_two_explanations,
    portuguese_lgpd_csv,
    italian_input_messages,
    bilingual_de_en_columns,
    maturity_fr_en_two_header_rows,
]

#: The same builders by layout name (the form `bench/layout_bench.py` takes for a group).
HELDOUT8_BY_NAME: dict[str, Callable[[Path], Layout]] = {b.__name__: b for b in HELDOUT8_LAYOUTS}


# --- self-check -----------------------------------------------------------------------------------

#: Complaints of the imported checks that this file replaces with a check of its own, per layout.
REPLACED: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "german_supplier_self_assessment": [
        (re.compile(r"^sheet 'Auswahlwerte' is hidden$"),
         "_feature_german: the hidden list sheet is ignored and feeds the drop-down"),
    ],
    "portuguese_lgpd_csv": [
        (re.compile(r": a CSV has no drop-downs; allowed answers must be \[\]$"),
         "_feature_portuguese_csv: the header names the choices"),
    ],
}


def _is_replaced(layout: Layout, problem: str) -> bool:
    if _excused(layout, problem):  # heldout_layouts5: foreign headings, this set's added above
        return True
    return any(pattern.search(problem) for pattern, _ in REPLACED.get(layout.name, []))


def _sheet_by_status(layout: Layout) -> ExpectedSheet:
    found = [s for s in layout.sheets if s.status == "questionnaire"]
    if len(found) != 1:
        raise ValueError(f"{len(found)} questionnaire sheets, expected one")
    return found[0]


# --- one check per layout of the feature it exercises ---------------------------------------------


def _feature_german(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _sheet_by_status(layout)
    ws = wb[sheet.name]
    cover = layout.sheets[0]
    cover_text = " ".join(str(c.value) for r in wb[cover.name].iter_rows() for c in r if c.value is not None)
    if cover.status != "ignored" or wb[cover.name].sheet_state != "visible" or "Firmenname" not in cover_text:
        problems.append("the first sheet is not a visible, ignored cover with supplier fields")
    if f"„{sheet.name}“" not in cover_text:
        problems.append("the cover does not name the questionnaire sheet")
    hidden = [s for s in layout.sheets if wb[s.name].sheet_state == "hidden"]
    if len(hidden) != 1 or hidden[0].status != "ignored" or any(i.sheet == hidden[0].name for i in layout.items):
        return problems + ["no single hidden, ignored list sheet without items"]
    answer = _role(sheet, "answer")
    for item in layout.items:
        found = _validations_over(ws, f"{answer}{item.row}")
        if len(found) != 1 or not found[0].formula1.startswith(f"{hidden[0].name}!"):
            problems.append(f"row {item.row}: the drop-down does not come from the hidden sheet")
            continue
        values = _resolve_list(wb, sheet.name, found[0].formula1)
        if values != DE_CHOICES or item.allowed_answers != values or item.allowed_answers_source != "validation":
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers}, the hidden list gives {values}")
    evidence, comment = _role(sheet, "evidence"), _role(sheet, "comment")
    if column_index_from_string(evidence) > column_index_from_string(comment):
        problems.append("the evidence column does not stand before the comment column")
    problems += _heading_problems(layout, sheet, lambda letter: ws[f"{letter}{sheet.header_row}"].value)
    if [item.id for item in layout.items] != [str(n) for n in range(1, len(layout.items) + 1)]:
        problems.append("the 'Lfd. Nr.' ids do not run 1..n across the chapters")
    legend = " ".join(str(ws[f"A{r}"].value) for r in range(1, sheet.header_row))
    if not all(choice in legend for choice in DE_CHOICES):
        problems.append("no legend of the answers above the header")
    problems += _section_walk(ws, layout, sheet)
    if sum(item.existing_answer is not None for item in layout.items) < 2:
        problems.append("too few rows already answered")
    return problems


def _feature_french(layout: Layout) -> list[str]:
    problems: list[str] = []
    sheet = _sheet_by_status(layout)
    ws = openpyxl.load_workbook(layout.path)[sheet.name]
    heading_of = {c.column_letter: c.value for c in ws[sheet.header_row] if c.value is not None}
    answer, question = _role(sheet, "answer"), _role(sheet, "question")
    choices = _header_choices(heading_of.get(answer))
    if choices != FR_CHOICES:
        problems.append(f"the answer header names {choices}, expected {FR_CHOICES}")
    problems += _heading_problems(layout, sheet, lambda letter: heading_of.get(letter))
    theme = next((letter for letter, text in heading_of.items() if text == "Thème"), None)
    if theme is None or theme in sheet.columns:
        problems.append("no 'Thème' column without a role")
    no_break = statements = 0
    for item in layout.items:
        cell = ws[f"{question}{item.row}"].value
        if item.allowed_answers != choices or item.allowed_answers_source != "header":
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers} "
                            f"({item.allowed_answers_source}), expected the header's {choices}")
        if _validations_over(ws, f"{answer}{item.row}"):
            problems.append(f"row {item.row}: a drop-down on a sheet whose choices are in the header")
        if NBSP in item.question or item.question != collapse(cell):
            problems.append(f"row {item.row}: the question is not the cell's text collapsed")
        if isinstance(cell, str) and cell.endswith(NBSP + "?"):
            no_break += 1
            if not item.question.endswith(" ?"):
                problems.append(f"row {item.row}: the no-break space before '?' is not an ordinary space")
        if item.question.startswith("Le prestataire doit"):
            statements += 1
            if item.question.endswith("?"):
                problems.append(f"row {item.row}: the obligation is not a statement")
        if not isinstance(item.section, type(ANY)):  # a deep copy holds a copy of ANY
            problems.append(f"row {item.row}: section {item.section!r}; 'Thème' is a grouping column (ANY)")
        if theme is not None and not ws[f"{theme}{item.row}"].value:
            problems.append(f"row {item.row}: no theme")
    if no_break < 8:
        problems.append(f"{no_break} questions with a no-break space before '?', expected most")
    if statements < 3:
        problems.append(f"{statements} obligations ('Le prestataire doit …'), expected three")
    above = " ".join(str(c.value) for r in ws.iter_rows(max_row=sheet.header_row - 1) for c in r if c.value)
    if "N.A." not in above:
        problems.append("no legend line naming N.A. above the header")
    return problems


def _feature_spanish(layout: Layout) -> list[str]:
    problems: list[str] = []
    sheet = _sheet_by_status(layout)
    ws = openpyxl.load_workbook(layout.path)[sheet.name]
    group_row = sheet.header_row - 1
    groups = {m.coord: ws.cell(m.min_row, m.min_col).value for m in ws.merged_cells.ranges
              if m.min_row == m.max_row == group_row}
    expected = {span.replace("4", str(group_row)): text for span, text in ES_GROUPS.items()}
    if groups != expected:
        problems.append(f"the row above the header groups {groups}, expected {expected}")
    else:
        answer_span = next(m for m in ws.merged_cells.ranges if m.coord == f"D{group_row}:F{group_row}")
        for role in ("answer", "comment", "evidence"):
            if column_index_from_string(_role(sheet, role)) not in range(answer_span.min_col, answer_span.max_col + 1):
                problems.append(f"the {role} column is not under 'Respuesta del proveedor'")
    problems += _heading_problems(layout, sheet, lambda letter: ws[f"{letter}{sheet.header_row}"].value)
    criticality = next((c.column_letter for c in ws[sheet.header_row] if c.value == "Criticidad"), None)
    if criticality is None or criticality in sheet.columns:
        problems.append("no 'Criticidad' column without a role")
    opening = 0
    answer = _role(sheet, "answer")
    for item in layout.items:
        if criticality and ws[f"{criticality}{item.row}"].value not in ("Alta", "Media", "Baja"):
            problems.append(f"row {item.row}: no criticality")
        if item.question.startswith("¿"):
            opening += 1
            if "?" not in item.question:
                problems.append(f"row {item.row}: an opening '¿' without its '?'")
        if _list_values(ws, f"{answer}{item.row}") != ES_CHOICES or item.allowed_answers != ES_CHOICES:
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers}, expected {ES_CHOICES}")
    if opening < len(layout.items) - 1:
        problems.append(f"{opening} questions open with '¿'")
    problems += _section_walk(ws, layout, sheet)
    return problems


def _feature_dutch(layout: Layout) -> list[str]:
    problems: list[str] = []
    sheet = _sheet_by_status(layout)
    ws = openpyxl.load_workbook(layout.path)[sheet.name]
    headings = {c.column_letter: c.value for c in ws[sheet.header_row] if isinstance(c.value, str)}
    explained = sorted((l for l, t in headings.items() if t.startswith("Toelichting")), key=column_index_from_string)
    answer = column_index_from_string(_role(sheet, "answer"))
    if len(explained) != 2 or [sheet.columns.get(l) for l in explained] != ["guidance", "comment"]:
        return problems + [f"'Toelichting' columns {explained} have the roles "
                           f"{[sheet.columns.get(l) for l in explained]}: expected the requester's (guidance) then "
                           "the supplier's (comment)"]
    if not column_index_from_string(explained[0]) < answer < column_index_from_string(explained[1]):
        problems.append("the two 'Toelichting' columns do not stand either side of the answer")
    problems += _heading_problems(layout, sheet, lambda letter: headings.get(letter))
    guide = _role(sheet, "guidance")
    with_guide = 0
    for item in layout.items:
        value = ws[f"{guide}{item.row}"].value
        want = collapse(value) if value else None
        if item.guidance != want:
            problems.append(f"row {item.row}: guidance {item.guidance!r}, the requester's column says {want!r}")
        with_guide += want is not None
        if item.allowed_answers != NL_CHOICES:
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers}, expected {NL_CHOICES}")
    if not 4 <= with_guide <= len(layout.items) - 2:
        problems.append(f"{with_guide} rows with the requester's explanation: the layout wants some, not all")
    bio = next((l for l, t in headings.items() if t == "BIO-maatregel"), None)
    if bio is None or bio in sheet.columns:
        problems.append("no 'BIO-maatregel' column without a role")
    bands = _bands(ws)
    chapter = paragraph = None
    rows = {item.row: item for item in layout.items}
    for row in range(sheet.header_row + 1, ws.max_row + 1):
        if row in bands:
            text = bands[row]
            if re.match(r"^\d+ \D", text):
                chapter, paragraph = text, None
            elif re.match(r"^\d+\.\d+ ", text) and chapter and text.startswith(chapter.split()[0] + "."):
                paragraph = text
            else:
                problems.append(f"row {row}: band {text!r} is neither a chapter nor one of its paragraphs")
        elif row in rows:
            if rows[row].section != [chapter, paragraph] or paragraph is None:
                problems.append(f"row {row}: section {rows[row].section!r}, the bands say {[chapter, paragraph]!r}")
            if bio and not re.fullmatch(r"\d+(\.\d+){3}", str(ws[f"{bio}{row}"].value)):
                problems.append(f"row {row}: no four-level BIO reference")
    if len({tuple(item.section) for item in layout.items if isinstance(item.section, list)}) < 5:
        problems.append("fewer than five paragraphs with items")
    return problems


def _feature_portuguese_csv(layout: Layout) -> list[str]:
    problems: list[str] = []
    raw = layout.path.read_bytes()
    if layout.encoding != "cp1252" or raw.startswith(b"\xef\xbb\xbf"):
        problems.append("not declared Windows-1252, or a BOM")
    try:
        raw.decode("utf-8")
        problems.append("the file decodes as UTF-8: it is not Windows-1252 text")
    except UnicodeDecodeError:
        pass
    text = raw.decode("cp1252")
    if text.count("\n") != text.count("\r\n"):
        problems.append("not every line ends in CRLF")
    if layout.delimiter != ";" or not re.search(r'"[^"\r\n]*;[^"\r\n]*"', text):
        problems.append("not a semicolon file with a quoted field holding ';'")
    records = _records(layout)
    sheet = layout.sheets[0]
    header = records[sheet.header_row - 1]
    problems += _heading_problems(layout, sheet,
                                  lambda letter: header[column_index_from_string(letter) - 1])
    choices = _header_choices(header[column_index_from_string(_role(sheet, "answer")) - 1])
    if choices != PT_CHOICES:
        problems.append(f"the answer header names {choices}, expected {PT_CHOICES}")
    accented = 0
    section = None
    rows = {item.row: item for item in layout.items}
    for row in range(sheet.header_row + 1, len(records) + 1):
        record = records[row - 1]
        if row in rows:
            item = rows[row]
            if item.allowed_answers != choices or item.allowed_answers_source != "header":
                problems.append(f"row {row}: allowed answers {item.allowed_answers} ({item.allowed_answers_source}), "
                                f"expected the header's {choices}")
            if item.section != [section]:
                problems.append(f"row {row}: section {item.section!r}, the record above says {section!r}")
            accented += bool(re.search(r"[ãõçáéíóúâêô]", item.question))
        elif record[0].startswith("Seção ") and not any(record[1:]):
            section = record[0]
        elif any(record[1:]):
            problems.append(f"row {row}: a record with fields that is neither an item nor a section")
    if accented < 8:
        problems.append(f"{accented} questions with Portuguese accents")
    return problems


def _feature_italian(layout: Layout) -> list[str]:
    problems: list[str] = []
    sheet = _sheet_by_status(layout)
    ws = openpyxl.load_workbook(layout.path)[sheet.name]
    if any(ws.cell(r, 1).value is not None for r in range(1, ws.max_row + 1)):
        problems.append("column A is not an empty margin")
    if min(column_index_from_string(letter) for letter in sheet.columns) != 2:
        problems.append("the table does not start in column B")
    problems += _heading_problems(layout, sheet, lambda letter: ws[f"{letter}{sheet.header_row}"].value)
    answer, question = _role(sheet, "answer"), _role(sheet, "question")
    free = 0
    for item in layout.items:
        found = _validations_over(ws, f"{answer}{item.row}")
        if item.guidance is not None:
            problems.append(f"row {item.row}: guidance {item.guidance!r} on a sheet without a guidance column")
        if not item.allowed_answers:
            free += 1
            if found or not item.question.startswith("Indicare"):
                problems.append(f"row {item.row}: a free-text item that is not an 'Indicare …' row without drop-down")
            continue
        if len(found) != 1:
            problems.append(f"row {item.row}: {len(found)} drop-downs")
            continue
        dv = found[0]
        if not (dv.showInputMessage and dv.prompt == IT_PROMPT and dv.promptTitle == IT_PROMPT_TITLE):
            problems.append(f"row {item.row}: the drop-down has no Italian input message")
        if not (dv.showErrorMessage and dv.error == IT_ERROR and dv.errorStyle == "stop"):
            problems.append(f"row {item.row}: the drop-down has no error alert")
        if item.allowed_answers != IT_CHOICES or _list_values(ws, f"{answer}{item.row}") != IT_CHOICES:
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers}, expected {IT_CHOICES}")
        if ws[f"{question}{item.row}"].value != item.question:
            problems.append(f"row {item.row}: question differs from the cell")
    if free < 3:
        problems.append(f"{free} free-text rows, expected three")
    if column_index_from_string(_role(sheet, "evidence")) > column_index_from_string(_role(sheet, "comment")):
        problems.append("'Evidenza' does not stand before 'Note'")
    return problems


def _feature_bilingual(layout: Layout) -> list[str]:
    problems: list[str] = []
    sheet = _sheet_by_status(layout)
    ws = openpyxl.load_workbook(layout.path)[sheet.name]
    headings = {c.value: c.column_letter for c in ws[sheet.header_row] if isinstance(c.value, str)}
    german, english = headings.get("Frage (DE)"), headings.get("Question (EN)")
    if german is None or english is None:
        return problems + ["no 'Frage (DE)' and 'Question (EN)' columns"]
    if sheet.columns.get(english) != "question" or german in sheet.columns:
        problems.append("the question column is not the English one, or the German column has a role")
    for role, words in (("answer", ("Antwort", "Answer")), ("comment", ("Kommentar", "Comment"))):
        heading = ws[f"{_role(sheet, role)}{sheet.header_row}"].value or ""
        if not all(word in heading for word in words):
            problems.append(f"the {role} heading {heading!r} is not bilingual")
    umlauts = free = 0
    for item in layout.items:
        de, en = ws[f"{german}{item.row}"].value, ws[f"{english}{item.row}"].value
        if item.question != collapse(en) or item.question == collapse(de) or not de:
            problems.append(f"row {item.row}: the question is not the English text beside a German one")
        umlauts += bool(re.search(r"[äöüß]", de or "", re.I))
        if item.guidance is not None:
            problems.append(f"row {item.row}: the German text taken as guidance")
        if not item.allowed_answers:
            free += 1
        elif item.allowed_answers != DE_EN_CHOICES:
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers}, expected the German "
                            f"{DE_EN_CHOICES}")
    if umlauts < 5 or free != 1:
        problems.append(f"{umlauts} German questions with umlauts, {free} free-text rows")
    problems += _section_walk(ws, layout, sheet)
    if any(" / " not in item.section[0] for item in layout.items if isinstance(item.section, list)):
        problems.append("a section that is not bilingual")
    return problems


def _feature_maturity(layout: Layout) -> list[str]:
    problems: list[str] = []
    sheet = _sheet_by_status(layout)
    ws = openpyxl.load_workbook(layout.path)[sheet.name]
    french_row, english_row = sheet.header_row - 1, sheet.header_row
    for letter, (french, english) in MAT_HEADINGS.items():
        if (ws[f"{letter}{french_row}"].value, ws[f"{letter}{english_row}"].value) != (french, english):
            problems.append(f"column {letter}: the header rows are not {french!r} above {english!r}")
        if not ws[f"{letter}{english_row}"].font.i:
            problems.append(f"column {letter}: the English heading is not in italics")
    problems += _heading_problems(layout, sheet, lambda letter: ws[f"{letter}{english_row}"].value)
    legend = [ws[f"A{r}"].value for r in range(1, french_row) if isinstance(ws[f"A{r}"].value, int)]
    if legend != list(range(6)):
        problems.append(f"legend levels {legend} above the header, expected 0..5")
    target = next((c.column_letter for c in ws[english_row] if c.value == "Target level"), None)
    answer, question = _role(sheet, "answer"), _role(sheet, "question")
    if target is None or target in sheet.columns:
        problems.append("no 'Target level' column without a role")
    for item in layout.items:
        cell = ws[f"{question}{item.row}"].value
        if not isinstance(cell, str) or cell.count("\n") != 1 or item.question != collapse(cell):
            problems.append(f"row {item.row}: the question is not the whole two-language cell")
        if split_ref(item.answer_cell)[1] != answer or _list_values(ws, f"{answer}{item.row}") != MATURITY_LEVELS:
            problems.append(f"row {item.row}: the answer is not the maturity drop-down")
        if item.allowed_answers != MATURITY_LEVELS:
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers}, expected {MATURITY_LEVELS}")
        if target and (not isinstance(ws[f"{target}{item.row}"].value, int)
                       or _validations_over(ws, f"{target}{item.row}")):
            problems.append(f"row {item.row}: the target level is not a pre-filled number without a drop-down")
    problems += _section_walk(ws, layout, sheet)
    return problems


FEATURES: dict[str, Callable[[Layout], list[str]]] = {
    "german_supplier_self_assessment": _feature_german,
    "french_supplier_questionnaire": _feature_french,
    "spanish_grouped_header": _feature_spanish,
    "dutch_bio_two_explanations": _feature_dutch,
    "portuguese_lgpd_csv": _feature_portuguese_csv,
    "italian_input_messages": _feature_italian,
    "bilingual_de_en_columns": _feature_bilingual,
    "maturity_fr_en_two_header_rows": _feature_maturity,
}


def check_layout(layout: Layout) -> list[str]:
    """Every check of one built layout against its file: the imported ones (less the complaints this
    file replaces), the layout's own feature check and the order of items and ids (heldout_layouts6's
    helpers for each)."""
    problems = _imported_problems(layout, [copy.deepcopy(layout)], _is_replaced)
    problems += _feature_problems(layout, FEATURES, FEATURE_ERRORS + (StopIteration,))
    problems += _order_problems(layout, 1)
    return problems


# --- deliberate mistakes aimed at each layout's feature ---------------------------------------------


def _aimed_mistake(layout: Layout) -> tuple[str, Layout] | None:
    wrong = copy.deepcopy(layout)
    name = layout.name
    if name == "german_supplier_self_assessment":
        for item in wrong.items:
            item.allowed_answers, item.allowed_answers_source = [], None
        return "the drop-down on the hidden list sheet not read", wrong
    if name == "french_supplier_questionnaire":
        for item in wrong.items:
            item.allowed_answers = ["Oui", "Non", "N/A"]
        return "the header choices normalised ('N.A.' as 'N/A')", wrong
    if name == "spanish_grouped_header":
        wrong.sheets[0].header_row -= 1
        return "the group row taken for the header row", wrong
    if name == "dutch_bio_two_explanations":
        ws = openpyxl.load_workbook(layout.path)[NL_SHEET]
        sheet = next(s for s in wrong.sheets if s.name == NL_SHEET)
        sheet.columns = {letter: ("comment" if role == "guidance" else role) for letter, role in sheet.columns.items()
                         if role != "comment"}
        for item in wrong.items:
            item.comment_cell = ref(item.sheet, "D", item.row)
            item.existing_comment = ws[f"D{item.row}"].value
            item.guidance = None
        return "the requester's 'Toelichting bij de vraag' taken for the comment column", wrong
    if name == "portuguese_lgpd_csv":
        def misread(text: str) -> str:
            return text.encode("cp1252").decode("utf-8", errors="replace")

        for item in wrong.items:
            item.question = misread(item.question)
            item.allowed_answers = [misread(choice) for choice in item.allowed_answers]
        return "the Windows-1252 text read as UTF-8", wrong
    if name == "italian_input_messages":
        for item in wrong.items:
            if item.allowed_answers:
                item.guidance = IT_PROMPT
        return "the drop-down's input message taken for guidance", wrong
    if name == "bilingual_de_en_columns":
        ws = openpyxl.load_workbook(layout.path)[DE_EN_SHEET]
        for item in wrong.items:
            item.question = collapse(ws[f"B{item.row}"].value)
        return "the question taken from the German column", wrong
    if name == "maturity_fr_en_two_header_rows":
        ws = openpyxl.load_workbook(layout.path)[MAT_SHEET]
        for item in wrong.items:
            item.answer_cell = ref(item.sheet, "C", item.row)
            item.existing_answer = ws[f"C{item.row}"].value
        return "the customer's target level taken for the answer", wrong
    return None


# --- running the set ----------------------------------------------------------------------------------


def self_check(verbose: bool = True) -> int:
    """Writes every file of this set into a temporary folder and checks its expectations (with
    heldout_layouts6's runner, which also compares the questions with sets 6 and 7); returns the
    number of problems (0 when every layout is described by its expectations, every deliberate
    mistake is caught and nothing repeats an earlier set)."""
    return _run_set(8, HELDOUT8_LAYOUTS, check_layout, _aimed_mistake,
                    later=((6, "sixth", HELDOUT6_LAYOUTS), (7, "seventh", HELDOUT7_LAYOUTS)),
                    formats=("xlsx", "csv"), one_item_per_row=False, items_per_file=(12, 18), verbose=verbose)


if __name__ == "__main__":
    sys.exit(1 if self_check() else 0)
