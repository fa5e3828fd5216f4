package jp.yumekairo.edge;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The OpenAPI description ({@code /v3/api-docs}) and the browsable API page ({@code /swagger-ui.html}), titled
 * by {@link EdgeProperties}, with the bearer token every call after sign-in carries. A member and a fiscal year
 * are described as they are written: the 5-digit code and the Western start year.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static {
        SpringDocUtils.getConfig()
                .replaceWithSchema(MunicipalityCode.class, new StringSchema()._enum(Arrays.stream(MunicipalityCode.values())
                        .map(MunicipalityCode::code).toList()))
                .replaceWithSchema(FiscalYear.class, new IntegerSchema()
                        .minimum(BigDecimal.valueOf(FiscalYear.EARLIEST))
                        .maximum(BigDecimal.valueOf(FiscalYear.LATEST)));
    }

    @Bean
    OpenAPI apiDescription(EdgeProperties properties) {
        return new OpenAPI()
                .info(new Info().title(properties.apiTitle()).version("0.1.0").description(properties.apiDescription()))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
