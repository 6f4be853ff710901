namespace ModelCert.Runtime;
