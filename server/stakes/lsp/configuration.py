"""Settings and project files: initializationOptions, workspace/configuration,
didChangeConfiguration, workspace folders, and watching ``.stakes/**`` and pack files.

Settings are read in that order of precedence (later wins): initializationOptions, the
``settings`` payload of didChangeConfiguration (older clients push it), then
workspace/configuration per folder when the client supports it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.uris import from_fs_path

from stakes.lsp import live
from stakes.lsp.guard import guarded
from stakes.lsp.server import StakesServer
from stakes.lsp.settings import SECTION, Settings, debounce_seconds, parse_settings
from stakes.lsp.sync import uri_path

log = logging.getLogger(__name__)

WATCH_REGISTRATION = "stakes-watched-files"
CONFIG_REGISTRATION = "stakes-configuration"
WATCH_GLOBS = ("**/.stakes/**", "**/pack.yaml", "**/*.{yaml,yml}")


def _folder_paths(params: types.InitializeParams) -> list[Path]:
    folders = [uri_path(f.uri) for f in params.workspace_folders or []]
    if not folders and params.root_uri:
        folders = [uri_path(params.root_uri)]
    if not folders and params.root_path:
        folders = [Path(params.root_path).resolve()]
    return [f for f in folders if f is not None]


@guarded("initialize")
def initialize(ls: StakesServer, params: types.InitializeParams) -> None:
    folders = _folder_paths(params)
    ls.projects.set_folders(folders)
    base = folders[0] if folders else None
    ls.projects.update_settings(parse_settings(params.initialization_options, base), {})
    ls.debounce = debounce_seconds(params.initialization_options, ls.debounce)
    log.info("workspace folders: %s", ", ".join(str(f) for f in folders) or "none")


async def fetch_settings(ls: StakesServer) -> bool:
    """Ask the client for the ``stakes`` section, globally and per folder; True if anything changed."""
    if not ls.capability("workspace.configuration"):
        return False
    folders = list(ls.projects.folders)
    items = [types.ConfigurationItem(section=SECTION)]
    items += [types.ConfigurationItem(section=SECTION, scope_uri=from_fs_path(str(f))) for f in folders]
    try:
        results: Sequence[Any] = await ls.workspace_configuration_async(types.ConfigurationParams(items=items))
    except Exception:
        log.warning("the client did not answer workspace/configuration; keeping current settings")
        return False
    base = folders[0] if folders else None
    default: Settings | None = parse_settings(results[0], base) if results and results[0] is not None else None
    per_folder = {
        folder: parse_settings(result, folder)
        for folder, result in zip(folders, results[1:], strict=False)  # a client may answer fewer items
        if result is not None
    }
    return ls.projects.update_settings(default, per_folder)


def extra_pack_folders(ls: StakesServer) -> set[Path]:
    """Pack folders from settings; they may lie outside every workspace folder."""
    settings = [ls.projects.default_settings, *ls.projects.folder_settings.values()]
    return {p for s in settings for p in s.packs}


def watchers(ls: StakesServer) -> list[types.FileSystemWatcher]:
    out = [types.FileSystemWatcher(glob_pattern=glob) for glob in WATCH_GLOBS]
    if ls.capability("workspace.did_change_watched_files.relative_pattern_support"):
        for folder in sorted(extra_pack_folders(ls)):
            uri = from_fs_path(str(folder))
            if uri:
                out.append(types.FileSystemWatcher(glob_pattern=types.RelativePattern(base_uri=uri, pattern="**/*")))
    return out


async def register_dynamic(ls: StakesServer) -> None:
    """Watch project files and settings where the client lets servers register dynamically."""
    registrations = []
    if ls.capability("workspace.did_change_watched_files.dynamic_registration"):
        registrations.append(
            types.Registration(
                id=WATCH_REGISTRATION,
                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers(ls)),
            )
        )
    if ls.capability("workspace.did_change_configuration.dynamic_registration"):
        registrations.append(types.Registration(id=CONFIG_REGISTRATION, method=types.WORKSPACE_DID_CHANGE_CONFIGURATION))
    if not registrations:
        return
    try:
        await ls.client_register_capability_async(types.RegistrationParams(registrations=registrations))
        ls.watching = any(r.id == WATCH_REGISTRATION for r in registrations)
    except Exception:
        log.warning("the client refused dynamic registration; saves of Stakes files still reload")


async def rewatch(ls: StakesServer) -> None:
    """Settings named other pack folders: replace the watcher registration to cover them."""
    if not ls.watching:
        return
    try:
        await ls.client_unregister_capability_async(
            types.UnregistrationParams(
                unregisterations=[types.Unregistration(id=WATCH_REGISTRATION, method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES)]
            )
        )
        await ls.client_register_capability_async(
            types.RegistrationParams(
                registrations=[
                    types.Registration(
                        id=WATCH_REGISTRATION,
                        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers(ls)),
                    )
                ]
            )
        )
    except Exception:
        log.warning("could not update file watchers; saves of Stakes files still reload")


@guarded("initialized")
async def initialized(ls: StakesServer, params: types.InitializedParams) -> None:
    changed = await fetch_settings(ls)  # first, so watchers cover pack folders from settings
    await register_dynamic(ls)
    # Load every folder's project in the background now, so the first file opens quickly.
    for folder in ls.projects.folders:
        ls.spawn(ls.projects.ready(folder))
    if changed:
        await live.ready_all(ls)
        live.reassess_all(ls)


@guarded("workspace/didChangeConfiguration")
async def did_change_configuration(ls: StakesServer, params: types.DidChangeConfigurationParams) -> None:
    packs_before = extra_pack_folders(ls)
    changed = False
    settings = params.settings
    if isinstance(settings, dict) and isinstance(settings.get(SECTION), dict):
        base = ls.projects.folders[0] if ls.projects.folders else None
        changed = ls.projects.update_settings(parse_settings(settings, base), {})
    changed = await fetch_settings(ls) or changed
    if extra_pack_folders(ls) != packs_before:
        await rewatch(ls)
    if changed:
        log.info("settings changed; re-assessing open documents")
        ls.cache.clear()
        await live.ready_all(ls)
        live.reassess_all(ls)


@guarded("workspace/didChangeWatchedFiles")
async def did_change_watched_files(ls: StakesServer, params: types.DidChangeWatchedFilesParams) -> None:
    paths = [p for p in (uri_path(change.uri) for change in params.changes) if p is not None]
    await live.project_files_changed(ls, paths)


@guarded("workspace/didChangeWorkspaceFolders")
async def did_change_workspace_folders(ls: StakesServer, params: types.DidChangeWorkspaceFoldersParams) -> None:
    for removed in params.event.removed:
        path = uri_path(removed.uri)
        if path is not None:
            ls.projects.remove_folder(path)
    for added in params.event.added:
        path = uri_path(added.uri)
        if path is not None:
            ls.projects.add_folder(path)
    ls.cache.clear()
    await live.ready_all(ls)
    live.reassess_all(ls)


def register(server: StakesServer) -> None:
    server.feature(types.INITIALIZE)(initialize)
    server.feature(types.INITIALIZED)(initialized)
    server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)(did_change_configuration)
    server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)(did_change_watched_files)
    server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)(did_change_workspace_folders)
