"""Configuration and project files: didChangeConfiguration (pulled through
workspace/configuration), watched pack changes, and broken rule YAML shown in that file."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types

from tests.lsp.conftest import (
    PULL_CLIENT,
    RULES_YAML,
    make_workspace,
    ours,
    session,
    wait_for,
    write,
)

BROKEN_RULES = """\
rules:
  - id: broken-rule
    title: Broken
    category: cryptography
    stakes: high
    languages: [python]
    message: "broken"
    colour: blue
    match:
      call: [os.system]
    docs:
      why: Testing.
      check: [Nothing.]
      references: []
"""
BROKEN_LINE = 7  # 0-based line of "colour: blue"


def watched(path: Path, kind: types.FileChangeType = types.FileChangeType.Changed) -> types.DidChangeWatchedFilesParams:
    return types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=path.as_uri(), type=kind)])


async def test_did_change_configuration_pulls_settings_and_reassesses(workspace: Path) -> None:
    async with session(workspace, editor="neovim@0.8.0", configuration={"": {"stakes": {"profile": "production"}}}) as s:
        uri = s.open("app.py")
        first = await s.pushed(uri, version=1)
        assert {d.severity for d in first if d.code == "lsptest/weak-hash"} == {types.DiagnosticSeverity.Warning}
        s.client.set_configuration({"profile": "critical"}, section="stakes")
        s.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))

        def weak_hash_severities() -> set[object]:
            return {d.severity for d in ours(s.published(uri)[-1].diagnostics) if d.code == "lsptest/weak-hash"}

        await wait_for(lambda: weak_hash_severities() == {types.DiagnosticSeverity.Error})


async def test_settings_pushed_in_did_change_configuration(workspace: Path) -> None:
    # Neovim 0.7 declares no workspace/configuration: settings arrive in the notification itself.
    async with session(workspace, editor="neovim@0.7.0") as s:
        uri = s.open("app.py")
        await s.pushed(uri, version=1)
        count = len(s.published(uri))
        s.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"stakes": {"profile": "prototype"}}))
        await wait_for(lambda: len(s.published(uri)) > count)
        latest = ours(s.published(uri)[-1].diagnostics)
        assert {d.severity for d in latest if d.code == "lsptest/weak-hash"} == {types.DiagnosticSeverity.Hint}


async def test_watched_pack_change_reassesses_open_documents(workspace: Path) -> None:
    async with session(workspace, editor="visual-studio-code@1.65.2") as s:
        uri = s.open("app.py")
        first = await s.pushed(uri, version=1)
        assert len(first) == 3
        count = len(s.published(uri))
        rules = workspace / ".stakes" / "rules" / "rules.yaml"
        rules.write_text(RULES_YAML.replace("stakes: high", "stakes: elevated"), encoding="utf-8")
        s.client.workspace_did_change_watched_files(watched(rules))
        await wait_for(lambda: len(s.published(uri)) > count)
        digest = [d for d in ours(s.published(uri)[-1].diagnostics) if d.range.start.line == 4]
        assert [d.severity for d in digest] == [types.DiagnosticSeverity.Information]  # elevated × production
        assert "Elevated stakes" in digest[0].message


async def test_broken_rule_yaml_is_reported_at_the_line_and_other_rules_keep_working(workspace: Path) -> None:
    async with session(workspace, editor="neovim@0.7.0") as s:
        uri = s.open("app.py")
        await s.pushed(uri, version=1)
        broken = write(workspace / ".stakes" / "rules" / "more.yaml", BROKEN_RULES)
        s.client.workspace_did_change_watched_files(watched(broken, types.FileChangeType.Created))
        errors = await wait_for(lambda: [p for m, p in s.notifications if m == types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS and p.uri == broken.as_uri() and p.diagnostics])
        diagnostic = errors[-1].diagnostics[0]
        assert diagnostic.range.start.line == BROKEN_LINE
        assert diagnostic.range.start.character == 4  # at "colour", after the indentation
        assert "unknown key 'colour'" in diagnostic.message and "fix:" in diagnostic.message
        assert diagnostic.severity == types.DiagnosticSeverity.Error
        assert diagnostic.source == "stakes"
        # The other rules still run on the open document.
        assert len(ours(s.published(uri)[-1].diagnostics)) == 3
        assert any("Stakes:" in m.message and "colour" in m.message for m in s.client.messages)
        # Fixing the file clears its diagnostics.
        broken.write_text(BROKEN_RULES.replace("    colour: blue\n", ""), encoding="utf-8")
        s.client.workspace_did_change_watched_files(watched(broken))
        await wait_for(lambda: len([p for m, p in s.notifications if m == types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS and p.uri == broken.as_uri()][-1].diagnostics) == 0)


async def test_broken_rule_yaml_on_pull(workspace: Path) -> None:
    broken = write(workspace / ".stakes" / "rules" / "more.yaml", BROKEN_RULES)
    async with session(workspace, editor=PULL_CLIENT) as s:
        uri = s.open("app.py")
        assert len(await s.pulled(uri)) == 3
        report = await s.client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=broken.as_uri()))
        )
        assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
        assert [d.range.start.line for d in report.items] == [BROKEN_LINE]


async def test_no_dynamic_registration_for_clients_without_it(workspace: Path) -> None:
    async with session(workspace, editor=PULL_CLIENT) as s:
        uri = s.open("app.py")
        await s.pulled(uri)
        assert [m for m, _ in s.notifications if m == types.CLIENT_REGISTER_CAPABILITY] == []


async def test_multi_root_folders_have_their_own_projects_and_settings(tmp_path: Path) -> None:
    first = make_workspace(tmp_path / "one")
    second = make_workspace(tmp_path / "two")
    # Per-folder settings through workspace/configuration (scoped by folder URI).
    configuration = {"": {}, second.as_uri(): {"stakes": {"profile": "critical"}}}
    async with session(first, editor="neovim@0.8.0", configuration=configuration, folders=[first, second]) as s:
        uri_one = s.open("app.py")
        uri_two = (second / "app.py").as_uri()
        s.versions[uri_two] = 1
        s.client.text_document_did_open(
            types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(uri=uri_two, language_id="python", version=1, text=(second / "app.py").read_text()))
        )

        def digest_severity(uri: str) -> object:
            found = [p for p in s.published(uri) if p.version == 1]
            if not found:
                return None
            return next(d.severity for d in ours(found[-1].diagnostics) if d.range.start.line == 4)

        await wait_for(lambda: digest_severity(uri_one) and digest_severity(uri_two) == types.DiagnosticSeverity.Error)
        assert digest_severity(uri_one) == types.DiagnosticSeverity.Warning  # production (default)


async def test_watchers_registered_and_ledger_change_updates_review_state(workspace: Path) -> None:
    async with session(workspace, editor="visual-studio-code@1.65.2") as s:
        uri = s.open("app.py")
        await s.pushed(uri, version=1)
        # VS Code lets servers register file watchers dynamically: Stakes watches its files.
        seen = await wait_for(lambda: [p for m, p in s.notifications if m == types.CLIENT_REGISTER_CAPABILITY])
        methods = {r.method: r for params in seen for r in params.registrations}
        assert types.WORKSPACE_DID_CHANGE_WATCHED_FILES in methods
        options = methods[types.WORKSPACE_DID_CHANGE_WATCHED_FILES].register_options
        watchers = options["watchers"] if isinstance(options, dict) else options.watchers
        globs = {w["globPattern"] if isinstance(w, dict) else w.glob_pattern for w in watchers}
        assert {"**/.stakes/**", "**/pack.yaml"} <= globs
        # Settings that name another pack folder replace the registration so it is watched too.
        extra = workspace.parent / "extra-pack"
        extra.mkdir()
        s.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"stakes": {"packs": [str(extra)]}}))
        await wait_for(lambda: len([m for m, _ in s.notifications if m == types.CLIENT_REGISTER_CAPABILITY]) == 2)
        assert [m for m, _ in s.notifications if m == types.CLIENT_UNREGISTER_CAPABILITY] == [types.CLIENT_UNREGISTER_CAPABILITY]
        regions = await s.client.protocol.send_request_async("stakes/regions", {"textDocument": {"uri": uri}})
        digest = next(r for r in regions if (r["name"] if isinstance(r, dict) else r.name) == "digest")
        fingerprint = digest["fingerprint"] if isinstance(digest, dict) else digest.fingerprint
        # Another tool (the CLI, a teammate's commit) records a review in the ledger.
        from stakes.engine.ledger import mark_review
        from stakes.engine.project import Project

        mark_review(Project(workspace), "app.py", "digest", fingerprint, "Grace Hopper", "checked")
        count = len(s.published(uri))
        s.client.workspace_did_change_watched_files(watched(workspace / ".stakes" / "reviews.yaml", types.FileChangeType.Created))
        await wait_for(lambda: len(s.published(uri)) > count)
        digest_diagnostics = [d for d in ours(s.published(uri)[-1].diagnostics) if d.range.start.line == 4]
        assert [d.severity for d in digest_diagnostics] == [types.DiagnosticSeverity.Hint]
        assert "Reviewed by Grace Hopper" in digest_diagnostics[0].message


async def test_pack_changes_are_noticed_without_file_watching(workspace: Path) -> None:
    # A client that cannot watch files (as Neovim on Linux): Stakes polls the project's files
    # while assessing.
    async with session(workspace, editor=PULL_CLIENT) as s:
        uri = s.open("app.py")
        assert {d.severity for d in await s.pulled(uri) if d.range.start.line == 4} == {types.DiagnosticSeverity.Warning}
        rules = workspace / ".stakes" / "rules" / "rules.yaml"
        rules.write_text(RULES_YAML.replace("stakes: high", "stakes: elevated"), encoding="utf-8")
        edits = 0

        async def digest_severity() -> set[object]:
            nonlocal edits
            edits += 1
            s.change(uri, [types.TextDocumentContentChangeWholeDocument(text=(workspace / "app.py").read_text() + "#" * edits + "\n")])
            return {d.severity for d in await s.pulled(uri) if d.range.start.line == 4}

        loop = asyncio.get_running_loop()
        deadline = loop.time() + 20
        while await digest_severity() != {types.DiagnosticSeverity.Information}:
            assert loop.time() < deadline, "the changed pack was never reloaded"
            await asyncio.sleep(0.3)
        # The reload also asked the client to pull again.
        assert s.client.diagnostic_refresh_count > 0
