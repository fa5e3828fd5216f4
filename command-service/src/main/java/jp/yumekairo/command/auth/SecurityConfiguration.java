package jp.yumekairo.command.auth;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.http.HttpServletResponse;
import jp.yumekairo.edge.Problems;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * HTTP Basic only at the token endpoint; everywhere else a bearer token, stateless, no sessions, no CSRF
 * (no cookies are ever used). Here only which roles may write projects, figures and the plan at all, and that only
 * the secretariat keeps the accounts, so that nobody else's request body is ever read; which data a person may write is decided by the aggregates.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    private final ActorArgumentResolver actorArgumentResolver;
    private final DisabledAccounts disabledAccounts;

    SecurityConfiguration(ActorArgumentResolver actorArgumentResolver, DisabledAccounts disabledAccounts) {
        this.actorArgumentResolver = actorArgumentResolver;
        this.disabledAccounts = disabledAccounts;
    }

    /** BCrypt on a few slots: sign-ins take turns rather than every core from the writes ({@link BoundedHashing}). */
    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        return new BoundedHashing(new BCryptPasswordEncoder(), properties.hashingSlots(), properties.hashingWait());
    }

    /** The API description names the token endpoint's HTTP Basic beside the bearer token the edge describes. */
    @Bean
    OpenApiCustomizer basicSignIn() {
        return api -> api.getComponents().addSecuritySchemes("basic",
                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
    }

    @Bean
    @Order(1)
    SecurityFilterChain signIn(HttpSecurity http, SignInLimits limits, SecurityProperties properties) throws Exception {
        return http.securityMatcher("/api/auth/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.POST, "/api/auth/token").authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problem("sign-in-failed",
                        "sign in with a valid user name and password (HTTP Basic)")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problem("sign-in-failed",
                                "sign in with a valid user name and password (HTTP Basic)"))
                        .accessDeniedHandler(forbidden()))
                // the limits are looked at before the password is: a name or an address out of failures costs no hash
                .addFilterBefore(new SignInGate(limits, properties), BasicAuthenticationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, Tokens tokens) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/error").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        // by role before the body is read: a read-only role's figures or file are never parsed
                        .requestMatchers("/api/projects", "/api/projects/**", "/api/imports/**")
                        .hasRole(Role.EDITOR.name())
                        .requestMatchers("/api/plans", "/api/plans/**").hasAnyRole(Role.EDITOR.name(), Role.ADMIN.name())
                        .requestMatchers("/api/accounts", "/api/accounts/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint(problem("invalid-token",
                                "this call needs a valid bearer token from POST /api/auth/token"))
                        .accessDeniedHandler(forbidden()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problem("invalid-token",
                                "this call needs a valid bearer token from POST /api/auth/token"))
                        .accessDeniedHandler(forbidden()))
                .build();
    }

    private static JwtAuthenticationConverter roles() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(Tokens.ROLE);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static AuthenticationEntryPoint problem(String code, String detail) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            response.setHeader("WWW-Authenticate", request.getRequestURI().startsWith("/api/auth/")
                    ? "Basic realm=\"yumekairo\"" : "Bearer");
            Problems.write(response, request, Problems.of(HttpStatus.UNAUTHORIZED, code, detail));
        };
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, denied) -> Problems.write(response, request,
                Problems.of(HttpStatus.FORBIDDEN, "not-permitted", "your role may not do this"));
    }

    /** A disabled person's still valid token is refused before any handler runs. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(disabledAccounts);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(actorArgumentResolver);
    }
}
