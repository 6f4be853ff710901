namespace ModelCert.Data;
