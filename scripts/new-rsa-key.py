"""Print a new RSA private key (3072 bits) as one line: the base64 of its DER.

For CERTIFICATE_RSA_SIGNING_KEY, which signs the RS256 open badges.
"""

import base64

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
der = key.private_bytes(
    serialization.Encoding.DER,
    serialization.PrivateFormat.PKCS8,
    serialization.NoEncryption(),
)
print(base64.b64encode(der).decode("ascii"))
