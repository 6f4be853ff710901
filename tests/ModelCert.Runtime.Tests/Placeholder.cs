namespace ModelCert.Runtime.Tests;
