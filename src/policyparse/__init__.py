"""policyparse: Norwegian privacy policies (personvernerklæringer) into comparable records and tables."""
__version__ = "0.1.0"

from .pipeline import parse_file, parse_many, parse_text  # noqa: E402
from .tables import to_frames  # noqa: E402

__all__ = ["parse_text", "parse_file", "parse_many", "to_frames", "__version__"]
