"""Reading and annotating claims in the dashboard: the filters, the Timeline and Compare pages, the claim
view (quote in context, safely escaped) and an analyst's review reaching the database and the history."""
import datetime as dt
import re
from html import unescape

from sqlmodel import select

from claims.store.tables import Annotation, Claim

from test_dashboard_support import captions, claim_with, claims_of, count, go, open_claim, signed_in, speaker_id, texts

# The fixtures (`seeded`) of the dashboard tests live in test_dashboard_support.
pytest_plugins = ["test_dashboard_support"]


def claims_caption(at) -> str:
    return next(c for c in captions(at) if "in the store" in c or "the filters" in c)


def test_filters_narrow_the_claims_page(seeded):
    at = go(signed_in("analyst"), "claims")
    total = count(seeded)
    assert claims_caption(at) == f"{total} claims in the store"

    cho = speaker_id(seeded, "Cho Tae-yul")
    at.multiselect(key="f_speakers").set_value([cho]).run()
    by_cho = count(seeded, speakers=[cho])
    assert 0 < by_cho < total
    assert claims_caption(at) == f"{by_cho} claims match the filters"
    assert len(at.dataframe[0].value) == by_cho

    # A date range on top: Cho's claims of February only.
    at.date_input(key="f_since").set_value(dt.date(2025, 2, 1))
    at.date_input(key="f_until").set_value(dt.date(2025, 2, 28)).run()
    in_february = count(seeded, speakers=[cho], since=dt.date(2025, 2, 1), until=dt.date(2025, 2, 28))
    assert 0 < in_february < by_cho
    assert claims_caption(at) == f"{in_february} claim{'s match' if in_february != 1 else ' matches'} the filters"

    # The filters stay when the page changes (the Sources page draws none of them).
    go(at, "sources")
    go(at, "claims")
    assert claims_caption(at).startswith(f"{in_february} claim")

    at.button(key=at.sidebar.button[-1].key).click().run()  # "Clear filters", the sidebar's last button
    assert claims_caption(at) == f"{total} claims in the store"


def test_searching_and_a_status_filter(seeded):
    at = go(signed_in("viewer"), "claims")
    at.text_input(key="f_search").input("sanctions relief").run()
    assert claims_caption(at) == "1 claim matches the filters"
    at.multiselect(key="f_statuses").set_value(["verified"]).run()
    assert "No claims match these filters" in at.info[0].value


def test_the_timeline_lists_a_chosen_period(seeded):
    at = go(signed_in("viewer"), "timeline")
    assert (f"{count(seeded)} claims match the filters, dated Jan 2025 to Feb 2025. "
            "Click a bar to list that period's claims.") in captions(at)
    # The fallback for clicking a bar: a date picks its month.
    at.date_input(key="timeline_day").set_value(dt.date(2025, 2, 10)).run()
    assert [s.value for s in at.main.subheader] == ["Feb 2025"]
    in_february = count(seeded, since=dt.date(2025, 2, 1), until=dt.date(2025, 2, 28))
    assert f"{in_february} claims · select a row to open it in context" in captions(at)
    assert len(at.dataframe[0].value) == in_february
    at.segmented_control(key="timeline_period").set_value("week").run()
    assert [s.value for s in at.main.subheader] == ["Week of 10 Feb 2025"]


def test_a_click_on_a_timeline_bar_lists_its_period(seeded):
    at = go(signed_in("viewer"), "timeline")
    # What the browser sends for a click on January's bar: the point selection "pick" on the bar's period.
    at.session_state["timeline_chart_speaker_month"] = {"selection": {"pick": [{"start": "2025-01-01"}]}}
    at.run()
    assert [s.value for s in at.main.subheader] == ["Jan 2025"]
    in_january = count(seeded, since=dt.date(2025, 1, 1), until=dt.date(2025, 1, 31))
    assert len(at.dataframe[0].value) == in_january


def test_compare_shows_both_speakers_quotes(seeded):
    blinken, cho = speaker_id(seeded, "Antony Blinken"), speaker_id(seeded, "Cho Tae-yul")
    at = go(signed_in("analyst"), "compare")
    at.multiselect(key="f_topics").set_value(["Sanctions"]).run()
    at.multiselect(key="compare_speakers").set_value([blinken, cho]).run()
    assert not at.exception
    assert [s.value for s in at.main.subheader] == ["Antony Blinken", "Cho Tae-yul"]
    left, right = [c for c in at.columns if c.subheader and c.subheader[0].value in ("Antony Blinken", "Cho Tae-yul")]
    assert [t.value for t in left.text] == [c.text for c in seeded_sanctions(seeded, blinken)]
    assert [t.value for t in right.text] == [c.text for c in seeded_sanctions(seeded, cho)]
    assert any("Yonhap" in c.value for c in right.caption)

    # "Open in context" goes to the Claims page with that claim shown.
    quote = seeded_sanctions(seeded, cho)[0]
    at.button(key=f"compare_{cho}_{quote.id}").click().run()
    assert [t.value for t in at.title] == ["Claims"]
    assert f"Claim #{quote.id}" in [s.value for s in at.main.subheader]
    assert at.query_params["claim"] == str(quote.id)


def seeded_sanctions(store, speaker: int):
    return claims_of(store, speakers=[speaker], topics=["Sanctions"])


def test_the_claim_view_escapes_the_document_text(seeded):
    claim = claim_with(seeded, "sanctions relief")  # its text holds "&" and "<b>not</b>"
    at = open_claim(signed_in("viewer"), claim.id)
    html = next(h.proto.body for h in at.get("html") if "sanctions relief" in h.proto.body)
    assert "&lt;b&gt;not&lt;/b&gt;" in html and "<b>" not in html and "&amp;" in html
    # The quote's mark wraps exactly the claim's words (escaped), the speaker's name its own.
    assert ('rgba(255, 196, 0, 0.35); border-radius: 2px; padding: 0 1px">sanctions relief for Moscow was not on '
            'the table &amp; would &lt;b&gt;not&lt;/b&gt; be discussed</span>') in html
    assert 'font-weight: 600">Blinken</span>' in html
    assert "Unknown speaker" not in texts(at)
    assert any(t.startswith("Antony Blinken") for t in texts(at))


def test_the_claim_view_shows_the_headline_once(seeded):
    """The plain-text seed keeps its headline as its first line; the view shows it as the title, and the
    context starts with the body, with no ellipsis (nothing of the body is left out before it)."""
    headline = "Blinken: Russia may provide advanced satellite technology to N. Korea"
    claim = claim_with(seeded, "willing to provide North Korea")
    at = open_claim(signed_in("viewer"), claim.id)
    body = next(h.proto.body for h in at.get("html") if "willing to provide North Korea" in h.proto.body)
    # The document's own text, as the analyst reads it.
    context = unescape(re.sub(r"<[^>]+>", "", body.replace("<br>", "\n")))
    assert context.startswith("January 6, 2025\n\nU.S. Secretary of State Antony Blinken said Monday")
    assert headline not in context
    assert headline in texts(at)


def test_an_analysts_review_is_saved_and_logged(seeded):
    claim = claim_with(seeded, "sanctions on Russia would stay")
    at = open_claim(signed_in("analyst"), claim.id)
    assert "No changes yet: the claim is as the extractor found it." in captions(at)
    at.selectbox(key=f"status_{claim.id}").set_value("verified")
    at.text_area(key=f"note_{claim.id}").input("Matches the State Department transcript.")
    at.multiselect(key=f"topics_{claim.id}").set_value(["Sanctions"])
    at.button(key=f"review_save_{claim.id}").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Saved: status verified, note, topics."]

    # The page's history shows it...
    history = at.dataframe[-1].value
    assert list(history["What"]) == ["status", "note", "topics"]
    assert set(history["Who"]) == {"ana"}
    assert list(history["To"])[:2] == ["verified", "Matches the State Department transcript."]
    # ...and a fresh session on the database finds it.
    with seeded.session() as session:
        stored = session.get(Claim, claim.id)
        assert (stored.status, stored.note) == ("verified", "Matches the State Department transcript.")
        log = session.exec(select(Annotation).where(Annotation.target_id == claim.id)).all()
        assert [(a.user, a.field) for a in log] == [("ana", "status"), ("ana", "note"), ("ana", "topics")]
    assert claim_with(seeded, "sanctions on Russia would stay").topics == ["Sanctions"]


def test_an_analyst_corrects_the_speaker_with_a_new_one(seeded):
    claim = claim_with(seeded, "sanctions relief")
    at = open_claim(signed_in("analyst"), claim.id)
    at.text_input(key=f"new_speaker_name_{claim.id}").input("Matthew Miller")
    at.text_input(key=f"new_speaker_role_{claim.id}").input("State Department spokesman")
    at.button(key=f"new_speaker_submit_{claim.id}").click().run()
    assert not at.exception
    assert claim_with(seeded, "sanctions relief").speaker == "Matthew Miller"
    assert "The extractor said: Antony Blinken" in captions(at)
    assert "speaker" in list(at.dataframe[-1].value["What"])
