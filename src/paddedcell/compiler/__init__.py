"""Source to code object: parse, check, rewrite, compile (one module per stage)."""

from .pipeline import CACHE, CodeCache, Compiled, check, compile_full, compile_restricted

__all__ = ["CACHE", "CodeCache", "Compiled", "check", "compile_full", "compile_restricted"]
