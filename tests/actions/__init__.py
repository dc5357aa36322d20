"""Tests: actions."""
