namespace ModelCert.Cli.Tests;
