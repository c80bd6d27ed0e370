"""What a cell sees at run time: guards, builtins, module views, safe formatting."""
