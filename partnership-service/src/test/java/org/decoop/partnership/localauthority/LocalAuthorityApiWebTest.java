package org.decoop.partnership.localauthority;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.decoop.platform.web.ProblemDetailsAdvice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Bad local-authority requests are answered as problem details naming the field, and write nothing. */
@WebMvcTest(LocalAuthorityController.class)
@Import(ProblemDetailsAdvice.class)
class LocalAuthorityApiWebTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LocalAuthorities localAuthorities;

    @Test
    void refusesAnUnknownCountryCode() throws Exception {
        postJson("{\"name\": \"Nevers\", \"country\": \"FRA\", \"kind\": \"CITY\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("country"));
        postJson("{\"name\": \"Nevers\", \"country\": \"fr\", \"kind\": \"CITY\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("country"));
        verifyNoInteractions(localAuthorities);
    }

    @Test
    void refusesAnUnknownKind() throws Exception {
        postJson("{\"name\": \"Nevers\", \"country\": \"FR\", \"kind\": \"VILLAGE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("kind"));
        verifyNoInteractions(localAuthorities);
    }

    @Test
    void refusesAMissingName() throws Exception {
        postJson("{\"country\": \"FR\", \"kind\": \"CITY\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"));
        verifyNoInteractions(localAuthorities);
    }

    @Test
    void refusesABadCountryFilter() throws Exception {
        mvc.perform(get("/api/local-authorities").param("country", "Serbia"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("country"));
        verifyNoInteractions(localAuthorities);
    }

    private ResultActions postJson(String body) throws Exception {
        return mvc.perform(post("/api/local-authorities").contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
