"""The embeddable web chat widget: its demo server (bot.widget.server); the widget itself is in src/."""
