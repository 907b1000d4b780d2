package cn.wenming.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class StrictJsonTest {

    record Input(String title, Integer printRun, Boolean urgent, List<String> additions) {
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void rightTypesAndCleanTextAreRead() throws Exception {
        Input in = mapper().readValue("{\"title\":\"简报\\t第17期\\n\",\"printRun\":300,\"urgent\":true,\"additions\":[\"北京日报社😀\"]}", Input.class);
        assertEquals("简报\t第17期\n", in.title());
        assertEquals(300, in.printRun());
        assertEquals("北京日报社😀", in.additions().get(0));
    }

    @Test
    void wrongTypesAreRefusedNotConverted() {
        for (String json : List.of("{\"title\":12345}", "{\"title\":true}", "{\"title\":1.5}", "{\"printRun\":\"300\"}",
                "{\"printRun\":1.5}", "{\"printRun\":\"\"}", "{\"urgent\":\"yes\"}", "{\"urgent\":1}", "{\"additions\":[7]}")) {
            JsonMappingException e = assertThrows(JsonMappingException.class, () -> mapper().readValue(json, Input.class), json);
            assertFalse(e.getPath().isEmpty(), "the refusal names the field: " + json);
        }
    }

    @Test
    void controlCharactersAndBrokenSurrogatesAreRefused() {
        for (String json : List.of("{\"title\":\"文明\\u0000\"}", "{\"title\":\"a\\u0001b\"}", "{\"title\":\"\\u001b[31m\"}",
                "{\"title\":\"\\u007f\"}", "{\"title\":\"\\ud800\"}", "{\"title\":\"x\\udc00\"}", "{\"additions\":[\"\\u0000\"]}")) {
            assertThrows(JsonMappingException.class, () -> mapper().readValue(json, Input.class), json);
        }
    }

    @Test
    void cleanTextIsTextWithoutControlCharacters() {
        assertTrue(StrictJson.clean("首都精神文明办\r\n\t"));
        assertTrue(StrictJson.clean("𠀀 outside the BMP"));
        assertFalse(StrictJson.clean("\u0000"));
        assertFalse(StrictJson.clean("\u0008"));
        assertFalse(StrictJson.clean("\ud83d"));
    }
}
