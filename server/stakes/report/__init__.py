"""Writers that present a scan: text for people, JSON for scripts, SARIF for code-scanning UIs."""
