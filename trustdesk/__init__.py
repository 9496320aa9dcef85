"""TrustDesk: offline records and quarterly returns for Children's Trust locality groups."""

__version__ = "0.1.0"
APP_NAME = "TrustDesk"
