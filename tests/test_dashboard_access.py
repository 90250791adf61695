"""The dashboard's doors: signing in, every page for every role, and what each role may not do."""
import pytest
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from claims.store.tables import Annotation, Speaker

from test_dashboard_support import (APP, TIMEOUT, USERS, captions, claim_with, go, open_app, open_claim, signed_in,
                                    speaker_id)

PAGES = {"timeline": "Timeline", "compare": "Compare speakers", "claims": "Claims", "speakers": "Speakers",
         "sources": "Sources", "export": "Export a quote sheet"}

# The fixtures (`seeded`) of the dashboard tests live in test_dashboard_support.
pytest_plugins = ["test_dashboard_support"]


def test_a_wrong_password_shows_an_error_and_no_pages(seeded):
    at = open_app(USERS["analyst"], password="not the password")
    assert [e.value for e in at.error] == ["Wrong name or password."]
    assert "user" not in at.session_state
    assert [t.value for t in at.title] == ["Claims"]  # the sign-in page's title only
    with pytest.raises(ValueError):  # the pages are not even registered until someone signs in
        at.switch_page("views/claims.py")


def test_the_right_password_opens_the_pages_and_sign_out_closes_them(seeded):
    at = open_app(USERS["analyst"])
    assert not at.error and not at.exception
    assert [t.value for t in at.title] == ["Timeline"]  # the default page
    assert f"**{USERS['analyst']}** · analyst" in [m.value for m in at.sidebar.markdown]
    at.button(key="sign_out").click().run()
    assert "user" not in at.session_state
    assert at.text_input(key="sign_in_name") is not None


@pytest.mark.parametrize("role", ["viewer", "analyst", "admin"])
def test_every_page_renders(seeded, role):
    at = signed_in(role)
    for page, title in PAGES.items():
        go(at, page)
        assert [t.value for t in at.title] == [title], page
        assert not at.error, (page, [e.value for e in at.error])


def test_a_viewer_sees_a_claim_but_cannot_annotate(seeded):
    claim = claim_with(seeded, "sanctions relief")
    at = open_claim(signed_in("viewer"), claim.id)
    assert f"Claim #{claim.id}" in [s.value for s in at.main.subheader]
    assert "Reviewing and correcting claims needs an analyst account." in captions(at)
    keys = {w.key for w in at.selectbox} | {w.key for w in at.text_area} | {w.key for w in at.button}
    assert not {f"status_{claim.id}", f"note_{claim.id}", f"review_save_{claim.id}"} & keys
    assert not [w for w in at.text_input if w.key and w.key.startswith("new_speaker")]


def viewer_calls_save_review(dashboards: str, claim_id: int) -> None:
    """A script that skips the page and calls shared.save_review as a signed-in viewer."""
    import sys

    import streamlit as st
    sys.path.insert(0, dashboards)
    import shared

    st.session_state["user"] = shared.SignedIn("vic", "viewer")
    try:
        shared.save_review(claim_id, "verified", "sneaky", [])
    except PermissionError as error:
        st.text(f"refused: {error}")


def test_the_edits_refuse_a_viewer_even_without_the_page(seeded):
    claim = claim_with(seeded, "sanctions relief")
    at = AppTest.from_function(viewer_calls_save_review, args=(str(APP.parent), claim.id),
                               default_timeout=TIMEOUT).run()
    assert [t.value for t in at.text] == ["refused: vic may not annotate"]
    with seeded.session() as session:
        assert session.exec(select(Annotation)).all() == []
    assert claim_with(seeded, "sanctions relief").status == "unreviewed"


def test_only_an_admin_merges_speakers(seeded):
    keep, other = speaker_id(seeded, "Antony Blinken"), speaker_id(seeded, "the allies")
    analyst = go(signed_in("analyst"), "speakers")
    analyst.selectbox(key="speakers_pick").set_value(keep).run()
    assert "Only an admin can merge speakers." in captions(analyst)
    assert not [b for b in analyst.button if b.key == "merge_go"]

    admin = go(signed_in("admin"), "speakers")
    admin.selectbox(key="speakers_pick").set_value(keep).run()
    admin.text_input(key="merge_search").input("allies").run()
    admin.selectbox(key="merge_other").set_value(other).run()
    admin.checkbox(key="merge_sure").check().run()
    admin.button(key="merge_go").click().run()
    assert not admin.exception
    assert any("Merged the allies" in s.value for s in admin.success)
    with seeded.session() as session:
        assert session.get(Speaker, other) is None
    assert speaker_id(seeded, "the allies") == keep  # the old name is now an alias of the kept speaker


def test_a_viewer_cannot_add_sources(seeded):
    # users.can gives "add-sources" to analysts and admins; the page follows it.
    viewer = go(signed_in("viewer"), "sources")
    assert not [w for w in viewer.text_area if w.key == "paste_text"]
    assert any("add-sources permission" in c for c in captions(viewer))
    analyst = go(signed_in("analyst"), "sources")
    assert analyst.text_area(key="paste_text") is not None
