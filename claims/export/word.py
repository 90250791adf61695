"""The quote sheet as a Word document (python-docx): a title, the selection, a heading per group, each
quote in Word's Quote style with its attribution line (the article's title linked) and the note."""
from __future__ import annotations

import io

from claims.export.sheet import QuoteRow, QuoteSheet, attribution, is_web_link, trailing_parts

LINK_COLOUR = "0563C1"  # Word's own hyperlink blue; the default template has no Hyperlink style to use


def _add_hyperlink(paragraph, url: str, text: str) -> None:
    """python-docx reads hyperlinks but has no call to add one: a w:hyperlink element whose run is
    styled by hand, pointing at an external relationship."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), LINK_COLOUR)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.append(colour)
    properties.append(underline)
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.set(qn("xml:space"), "preserve")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def _add_attribution(document, row: QuoteRow) -> None:
    """'— Speaker, Role · date · Outlet, Title · topics · status', the title a link to the article."""
    paragraph = document.add_paragraph()
    paragraph.add_run("— " + " · ".join(attribution(row)))
    if row.outlet or row.title or row.url:
        linked = is_web_link(row.url)
        # The outlet, then the title (linked when the URL is a web address; else the title and URL as text).
        plain = [text for text in (row.outlet, *(() if linked else (row.title, row.url))) if text]
        paragraph.add_run(" · " + ", ".join(plain) + (", " if plain and linked else ""))
        if linked:
            _add_hyperlink(paragraph, row.url, row.title or row.url)
    paragraph.add_run("".join(f" · {part}" for part in trailing_parts(row)))


def render_docx(sheet: QuoteSheet) -> bytes:
    from docx import Document

    document = Document()
    document.core_properties.title = sheet.title[:255]
    document.core_properties.subject = sheet.summary()
    document.add_heading("Quote sheet", level=0)
    selection = document.add_paragraph()
    selection.add_run("Selection: ").bold = True
    selection.add_run(sheet.description)
    document.add_paragraph(sheet.summary())
    for group in sheet.groups:
        document.add_heading(group.label, level=1)
        for row in group.rows:
            document.add_paragraph(row.text.strip(), style="Quote")
            _add_attribution(document, row)
            if row.note and row.note.strip():
                note = document.add_paragraph()
                note.add_run("Note: ").italic = True
                note.add_run(row.note.strip())
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
