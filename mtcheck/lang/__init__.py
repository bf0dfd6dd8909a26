"""Language packs (one folder per source language) and their loader."""

from mtcheck.lang.pack import LanguagePack, available_packs, fold, load_pack

__all__ = ["LanguagePack", "available_packs", "fold", "load_pack"]
