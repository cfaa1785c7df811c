import { Controller, Get, Param, Post, UseGuards, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { Reflector } from '@nestjs/core';
import { Roles } from './roles.decorator';
import { Public } from '../auth/public.decorator';
import { Throttle } from '@nestjs/throttler';
import { Transform } from 'class-transformer';

@Controller('orders')
// expect: auth-guard-decorator
@UseGuards(AuthGuard('jwt'))
export class OrdersController {
  @Get(':id')
  findOne(@Param('id') id: string) {
    return { id };
  }

  @Post(':id/refund')
  // expect: auth-guard-decorator
  @Roles('support', 'admin')
  refund(@Param('id') id: string) {
    return { id, refunded: true };
  }

  @Get('health')
  // expect: auth-guard-decorator
  @Public()
  health() {
    return 'ok';
  }

  @Get('popular')
  // ok: auth-guard-decorator
  @Throttle({ default: { limit: 10, ttl: 60000 } })
  popular() {
    return [];
  }
}

export class OrderDto {
  // ok: auth-guard-decorator
  @Transform(({ value }) => String(value).trim())
  note!: string;
}

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  // expect: authorization-function-definition
  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.get<string[]>('roles', context.getHandler());
    const { user } = context.switchToHttp().getRequest();
    // expect: role-or-permission-check
    return !!roles && roles.some((role) => user.roles.includes(role));
  }
}
