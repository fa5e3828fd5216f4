package jp.yumekairo.command.auth;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;

/**
 * Lets a command handler take an {@link Actor} parameter, resolved from the command's metadata. A command
 * without an actor is refused before any rule is checked. Registered through {@code META-INF/services}.
 */
public class ActorParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Actor> createInstance(Executable executable, Parameter[] parameters, int index) {
        if (!Actor.class.equals(parameters[index].getType())) {
            return null;
        }
        return new ParameterResolver<>() {
            @Override
            public Actor resolveParameterValue(Message<?> message) {
                Actor actor = Actor.from(message.getMetaData());
                if (actor == null) {
                    throw new NotPermitted("the command names no signed-in person");
                }
                return actor;
            }

            @Override
            public boolean matches(Message<?> message) {
                return true;
            }
        };
    }
}
