namespace ModelCert.Data.Tests;
