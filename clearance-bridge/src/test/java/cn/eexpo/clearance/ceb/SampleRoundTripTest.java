package cn.eexpo.clearance.ceb;

import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.clearance.Samples;
import cn.eexpo.clearance.Xmllint;
import cn.eexpo.clearance.xml.Canonicalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The official samples of the messages this bridge builds parse into the model and re-build to equal XML. */
class SampleRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {"CEB311", "CEB621", "CEB623", "CEB625"})
    void officialSampleParsesAndRebuildsWithTheSameBusinessFields(String type) {
        byte[] sample = Samples.load(type);
        CebMessage parsed = CebXml.read(sample);
        assertThat(parsed.type().rootName()).isEqualTo(type + "Message");

        byte[] rebuilt = Canonicalizer.serialize(CebXml.toDocument(parsed));

        // The rebuilt message is the sample without its signature: same model, same generic tree.
        assertThat(CebXml.read(rebuilt)).isEqualTo(parsed);
        ParsedMessage original = CebXml.parse(sample);
        ParsedMessage again = CebXml.parse(rebuilt);
        assertThat(again.nodes()).isEqualTo(original.nodes());
        assertThat(again.guid()).isEqualTo(original.guid());

        // 311 may go unsigned; 621, 623 and 625 require a signature, so the unsigned rebuild must fail on exactly that.
        var problems = CebSchema.ceb().validate(rebuilt);
        if (type.equals("CEB311")) {
            assertThat(problems).isEmpty();
            Xmllint.assertValid(rebuilt, "ceb-import-202205.xsd");
        } else {
            assertThat(problems)
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("Signature"));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CEB311", "CEB312", "CEB411", "CEB412", "CEB511", "CEB512", "CEB513", "CEB514", "CEB621", "CEB622",
                "CEB623", "CEB624", "CEB625", "CEB626", "CEB711", "CEB712"
            })
    void everyOfficialSampleValidatesAndParsesGenerically(String type) {
        byte[] sample = Samples.load(type);
        assertThat(CebSchema.ceb().validate(sample)).isEmpty();
        ParsedMessage parsed = CebXml.parse(sample);
        assertThat(parsed.type().rootName()).isEqualTo(type + "Message");
        assertThat(parsed.guid()).hasSize(36);
        assertThat(parsed.nodes()).isNotEmpty();
    }
}
