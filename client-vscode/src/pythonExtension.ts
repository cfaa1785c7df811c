/**
 * Asks the Python extension (ms-python.python) which interpreter the user selected.
 *
 * `@vscode/python-extension` would give types but needs a newer Node than VS Code's
 * minimum here, and only two calls are needed, so the small part of the API used is
 * declared locally and every access is guarded: the extension may be missing, disabled,
 * or an older version without the environments API.
 */
import * as vscode from 'vscode';

const PYTHON_EXTENSION_ID = 'ms-python.python';

interface EnvironmentPath {
  id: string;
  path: string;
}

interface ResolvedEnvironment {
  executable: { uri?: vscode.Uri };
}

interface PythonEnvironmentsApi {
  getActiveEnvironmentPath(resource?: vscode.Uri): EnvironmentPath;
  resolveEnvironment(environment: EnvironmentPath | string): Promise<ResolvedEnvironment | undefined>;
  onDidChangeActiveEnvironmentPath: vscode.Event<unknown>;
}

interface PythonExtensionApi {
  environments?: PythonEnvironmentsApi;
}

async function environmentsApi(): Promise<PythonEnvironmentsApi | undefined> {
  const extension = vscode.extensions.getExtension<PythonExtensionApi>(PYTHON_EXTENSION_ID);
  if (!extension) {
    return undefined;
  }
  const api = extension.isActive ? extension.exports : await extension.activate();
  return api?.environments;
}

/** The selected interpreter's executable for the resource, or undefined when there is none. */
export async function selectedInterpreter(resource: vscode.Uri | undefined, log: (message: string) => void): Promise<string | undefined> {
  try {
    const environments = await environmentsApi();
    if (!environments) {
      return undefined;
    }
    const active = environments.getActiveEnvironmentPath(resource);
    const resolved = await environments.resolveEnvironment(active);
    return resolved?.executable.uri?.fsPath;
  } catch (err) {
    log(`Could not ask the Python extension for its interpreter: ${String(err)}`);
    return undefined;
  }
}

/** Calls back when the user picks another interpreter; a no-op without the Python extension. */
export async function onInterpreterChanged(listener: () => void): Promise<vscode.Disposable | undefined> {
  try {
    const environments = await environmentsApi();
    return environments?.onDidChangeActiveEnvironmentPath(() => listener());
  } catch {
    return undefined;
  }
}
