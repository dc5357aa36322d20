"""The embeddable web chat widget: its demo server (clients.widget.server); the widget itself is in src/."""
