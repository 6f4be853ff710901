
using Xunit;

namespace ModelCert.Data.Tests;

public sealed class SharedAdultDatasetTests
{
    public sealed class ReadAll
    {
        [Fact]
        public void Should_read_the_adult_test_set_with_its_sixteen_columns()
        {
            // Given the shared adult test set
            var path = SharedData.Require("datasets/adult/test.csv");

            // When it is read
            var frame = DatasetReader.ReadAll(path);

            // Then it has every row and the expected names and kinds
            Expect.Equal(16281, frame.RowCount, "rows");
            Expect.Equal(
                "row_id:Int64, age:Int64, workclass:String, fnlwgt:Int64, education:String, education-num:Int64, "
                + "marital-status:String, occupation:String, relationship:String, race:String, sex:String, capital-gain:Int64, "
                + "capital-loss:Int64, hours-per-week:Int64, native-country:String, income:String",
                FrameValues.Kinds(frame.Schema),
                "schema");
        }
    }
}
