using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using ModelCert.Evidence.Attestation;
using ModelCert.Evidence.Keys;

using Xunit;

namespace ModelCert.Evidence.Tests.Attestation;

public sealed class DsseTests
{
    public sealed class PreAuthenticationEncoding
    {
        [Fact]
        public void Should_join_type_and_body_with_their_byte_lengths()
        {
            // The example of the DSSE protocol: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body
            var pae = DsseEnvelope.PreAuthenticationEncoding("http://example.com/HelloWorld", "hello world"u8);
            Assert.Equal("DSSEv1 29 http://example.com/HelloWorld 11 hello world", Encoding.UTF8.GetString(pae));
        }

        [Fact]
        public void Should_count_bytes_not_characters()
        {
            var pae = DsseEnvelope.PreAuthenticationEncoding("t/é", Encoding.UTF8.GetBytes("ü"));
            Assert.Equal("DSSEv1 4 t/é 2 ü", Encoding.UTF8.GetString(pae));
            Assert.Equal("DSSEv1 1 t 0 ", Encoding.UTF8.GetString(DsseEnvelope.PreAuthenticationEncoding("t", [])));
        }
    }

    public sealed class Envelope
    {
        [Fact]
        public void Should_write_payload_payloadType_and_signatures_with_keyid_and_sig()
        {
            using var key = SigningKey.Generate();
            var envelope = DsseEnvelope.Sign(InTotoStatement.PayloadType, "{}"u8.ToArray(), key);
            using var json = JsonDocument.Parse(envelope.ToJson());
            var root = json.RootElement;
            Assert.Equal(["payload", "payloadType", "signatures"], root.EnumerateObject().Select(p => p.Name));
            Assert.Equal("e30=", root.GetProperty("payload").GetString());
            Assert.Equal("application/vnd.in-toto+json", root.GetProperty("payloadType").GetString());
            var signature = root.GetProperty("signatures")[0];
            Assert.Equal(key.Id, signature.GetProperty("keyid").GetString());
            Assert.True(key.PublicKey.Verify(Encoding.UTF8.GetBytes("DSSEv1 28 application/vnd.in-toto+json 2 {}"), Convert.FromBase64String(signature.GetProperty("sig").GetString()!)));
        }

        [Fact]
        public void Should_round_trip_and_verify_only_with_the_signer_and_the_same_type_and_payload()
        {
            using var key = SigningKey.Generate();
            using var other = SigningKey.Generate();
            var envelope = DsseEnvelope.Parse(DsseEnvelope.Sign("text/plain", "hi"u8.ToArray(), key).ToJson(), out var error)!;
            Assert.Null(error);

            Assert.True(envelope.Verify(key.PublicKey, out _));
            Assert.False(envelope.Verify(other.PublicKey, out error));
            Assert.Contains("no signature by key", error, StringComparison.Ordinal);
            Assert.False((envelope with { PayloadType = "text/html" }).Verify(key.PublicKey, out error));
            Assert.Contains("does not verify", error, StringComparison.Ordinal);
            Assert.False((envelope with { Payload = "ho"u8.ToArray() }).Verify(key.PublicKey, out _));
            Assert.True((envelope with { Signatures = [envelope.Signatures[0] with { KeyId = "" }] }).Verify(key.PublicKey, out _));
        }

        [Theory]
        [InlineData("{\"payload\":\"aGk=\",\"payloadType\":\"t\",\"signatures\":[]}", "no signature")]
        [InlineData("{\"payload\":\"aGk\",\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"aGk=\"}]}", "canonical base64")]
        [InlineData("{\"payload\":\"aGl=\",\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"aGk=\"}]}", "canonical base64")]
        [InlineData("{\"payload\":\"aGk=\",\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"aGk=\"}],\"extra\":1}", "unknown member 'extra'")]
        [InlineData("{\"payload\":\"aGk=\",\"payload\":\"aGk=\",\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"aGk=\"}]}", "twice")]
        [InlineData("{\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"aGk=\"}]}", "lacks the member 'payload'")]
        [InlineData("[1]", "must be an object")]
        [InlineData("{", "not valid JSON")]
        public void Should_refuse_a_malformed_envelope(string json, string expected)
        {
            Assert.Null(DsseEnvelope.Parse(Encoding.UTF8.GetBytes(json), out var error));
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }
    }

    public sealed class Statement
    {
        [Fact]
        public void Should_use_the_in_toto_v1_field_names_with_the_model_first()
        {
            var model = new StatementSubject("loan.onnx", Sha256Digest.Of("model"u8));
            var data = new StatementSubject("loans.csv", Sha256Digest.Of("data"u8));
            var statement = InTotoStatement.ForCertification(model, [data], new JsonObject { ["verdict"] = "certified" });

            using var json = JsonDocument.Parse(statement.ToJson());
            var root = json.RootElement;
            Assert.Equal(["_type", "subject", "predicateType", "predicate"], root.EnumerateObject().Select(p => p.Name));
            Assert.Equal("https://in-toto.io/Statement/v1", root.GetProperty("_type").GetString());
            Assert.Equal("https://modelcert.dev/certification/v1", root.GetProperty("predicateType").GetString());
            Assert.Equal("loan.onnx", root.GetProperty("subject")[0].GetProperty("name").GetString());
            Assert.Equal(model.Sha256, root.GetProperty("subject")[0].GetProperty("digest").GetProperty("sha256").GetString());
            Assert.Equal(data.Sha256, root.GetProperty("subject")[1].GetProperty("digest").GetProperty("sha256").GetString());
            Assert.Equal("certified", root.GetProperty("predicate").GetProperty("verdict").GetString());

            var parsed = InTotoStatement.Parse(statement.ToJson(), out var error)!;
            Assert.Null(error);
            Assert.Equal(statement.Subjects, parsed.Subjects);
            Assert.Equal(statement.ToJson(), parsed.ToJson());
        }

        [Fact]
        public void Should_refuse_a_subject_without_a_proper_digest()
        {
            Assert.Throws<ArgumentException>(() => InTotoStatement.ForCertification(new StatementSubject("m", "ABC"), [], new JsonObject()));
        }

        [Fact]
        public void Should_carry_the_certification_predicate()
        {
            var predicate = new CertificationPredicate("rejected", [new RequirementOutcome("r1", "fail")], Sha256Digest.Of("p"u8), [new DatasetDigest("test", "d.csv", Sha256Digest.Of("d"u8))], "0.1.0").ToJson();
            Assert.Equal("rejected", (string?)predicate["verdict"]);
            Assert.Equal("fail", (string?)predicate["requirements"]![0]!["outcome"]);
            Assert.Equal(Sha256Digest.Of("p"u8), (string?)predicate["policy"]!["sha256"]);
            Assert.Equal("test", (string?)predicate["datasets"]![0]!["role"]);
            Assert.Equal("0.1.0", (string?)predicate["tool"]!["version"]);
        }
    }
}
