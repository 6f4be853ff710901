using System.Security.Cryptography;

using ModelCert.Core;

namespace ModelCert.Evidence.Keys;

/// <summary>Imports PEM keys and insists on ECDSA over NIST P-256, the one curve the evidence formats use.</summary>
internal static class KeyPem
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    public static ECDsa ImportEcdsaP256(string pem, string origin, string kind)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            var curve = key.ExportParameters(includePrivateParameters: false).Curve;
            if (curve.Oid?.Value != P256Oid && curve.Oid?.FriendlyName is not ("nistP256" or "ECDSA_P256"))
            {
                throw new InputException($"'{origin}' is an ECDSA key on curve {curve.Oid?.FriendlyName ?? curve.Oid?.Value ?? "(unnamed)"}, expected NIST P-256 (prime256v1)");
            }

            return key;
        }
        catch (ArgumentException ex)
        {
            key.Dispose();
            throw new InputException($"'{origin}' is not a PEM ECDSA P-256 {kind} key: {ex.Message}", ex);
        }
        catch (PlatformNotSupportedException ex)
        {
            key.Dispose();
            throw new InputException($"'{origin}' is not a PEM ECDSA P-256 {kind} key: its curve is not one this platform knows ({ex.Message})", ex);
        }
        catch (CryptographicException ex)
        {
            key.Dispose();
            throw new InputException($"'{origin}' is not a PEM ECDSA P-256 {kind} key (encrypted and RSA keys are not supported): {ex.Message}", ex);
        }
        catch (InputException)
        {
            key.Dispose();
            throw;
        }
    }
}
