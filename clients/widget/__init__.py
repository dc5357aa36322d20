"""The embeddable web chat widget (src/, built by npm into build/widget/widget.js) and its demo server (.venv)."""
