"""The embeddable web chat widget (src/, built by npm into build/widget/) and its demo server (.venv)."""
