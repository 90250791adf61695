"""The analysts' dashboard: `claims dashboard` (or `streamlit run dashboards/app.py` with DATABASE_URL set).

Nothing but the sign-in form until someone signs in; then their name and role in the sidebar and the
pages. Each page is a file in views/; everything they read or change goes through shared (dashboards/shared/).

The folder is not called pages/ on purpose: Streamlit takes a pages/ folder beside the entry script for its
older multipage mode, and then the first run in a fresh server (and every AppTest run) can execute a page
file directly, without this script and its sign-in. Each page also checks for a user (shared.require_user).
"""
import streamlit as st

from claims.store import StoreError

import shared

# No page_icon: a Material icon as the tab's icon is fetched from Google's font servers, which an
# air-gapped analyst cannot reach; Streamlit's own icon is served locally.
st.set_page_config(page_title="Claims", layout="wide")
shared.keep_filter_state()

try:
    shared.store()
except StoreError as error:  # e.g. a database at an older schema: say what to run, show nothing else
    st.error(f"The claim store cannot be opened: {error}")
    st.stop()


def sign_in_page() -> None:
    st.title("Claims")
    st.caption("Quotes and reported statements from diplomatic news, with who said them.")
    with st.form("sign_in"):
        name = st.text_input("Name", key="sign_in_name")
        password = st.text_input("Password", type="password", key="sign_in_password")
        submitted = st.form_submit_button("Sign in", type="primary", key="sign_in_submit")
    if submitted:
        if shared.sign_in(name, password):
            st.rerun()
        st.error("Wrong name or password.")
    st.caption("No account yet? An admin adds one with `claims users add NAME`.")


PAGES = {  # section: [(file in views/, title, icon)]; each page's URL is its file's name
    "Read": [("timeline", "Timeline", "timeline"), ("compare", "Compare", "compare_arrows"),
             ("claims", "Claims", "format_quote"), ("speakers", "Speakers", "record_voice_over")],
    "Manage": [("sources", "Sources", "article"), ("export", "Export", "download")],
}
DEFAULT = "timeline"  # the page at the app's root URL

user = shared.current_user()
if user is None:
    # Only the sign-in form exists until then: no page can be opened, even by its URL. The form answers
    # at every page's URL, so a shared link (…/claims?claim=ID) opens its page once signed in.
    urls = [name for pages in PAGES.values() for name, _, _ in pages if name != DEFAULT]
    forms = [st.Page(sign_in_page, title="Sign in", icon=":material/login:", default=True)] + [
        st.Page(sign_in_page, title="Sign in", icon=":material/login:", url_path=url) for url in urls]
    st.navigation(forms, position="hidden").run()
    st.stop()

page = st.navigation({
    section: [st.Page(f"views/{name}.py", title=title, icon=f":material/{icon}:", url_path=name,
                      default=name == DEFAULT) for name, title, icon in pages]
    for section, pages in PAGES.items()})

with st.sidebar:
    st.markdown(f"**{user.name}** · {user.role}")
    if st.button("Sign out", icon=":material/logout:", key="sign_out", type="tertiary"):
        shared.sign_out()
        st.rerun()
    if user.role == "admin":  # where the data lives is the administrator's business
        st.caption(f"Store: {shared.display_url()}")

page.run()
